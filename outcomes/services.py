"""Every write to an outcome: one function per state transition, each checking its rule (who and
when, outcomes.permissions) on the locked outcome, validating, saving, logging the activity and
queueing the mails in one transaction. Not the person: PermissionDenied; the person, but not in
this state or with missing input: ValidationError with a message for them."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.selectors import signing_delegation
from gfmd import languages
from mailings.services import send_to_people
from outcomes.hooks import outcome_published
from outcomes.models import Approval, Outcome, OutcomeRevision, OutcomeSection, SectionComment
from outcomes.permissions import WHO
from outcomes.sanitize import clean_outcome_html
from outcomes.selectors import (
    approval_lapsed,
    approved_by_every_co_chair,
    chair_office_people,
    co_chair_representatives,
    rapporteurs,
)
from roundtables.editions import ensure_open
from roundtables.models import Session


@dataclass(frozen=True)
class SaveResult:
    revision: OutcomeRevision | None  # the revision that holds the text sent (None: nothing written yet)
    head: OutcomeRevision | None  # the section's current text after the save
    applied: bool  # False: the text was based on an older version and waits to be merged

    @property
    def conflict(self) -> bool:
        return not self.applied


def _ensure_open(outcome: Outcome, actor) -> None:
    """A closed meeting's outcomes are its record: refused unless the Chair's office corrects it."""
    ensure_open(outcome.session.meeting, actor)


def _log(*, actor, action: str, outcome: Outcome, data: dict | None = None) -> None:
    activity_log(actor=actor, action=action, obj=outcome, meeting=outcome.session.meeting, data=data)


def _notify(*, recipients, template: str, outcome: Outcome, actor, extra: dict | None = None) -> None:
    """Queue one mail per recipient (the actor excepted, each address once), in their preferred language."""
    url = settings.SITE_URL + reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id})
    seen = set()
    people = []
    for person in recipients:
        if not person.email or person.email in seen or (actor is not None and person.pk == actor.pk):
            continue
        seen.add(person.email)
        people.append(person)
    context = {"outcome": outcome, "session": outcome.session, "actor": actor, "url": url, **(extra or {})}
    send_to_people(f"outcomes.{template}", people, context=context)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError(message)


def check_who(actor, perm: str, obj) -> None:
    """The "who" half of a rule (WHO), checked before any input is looked at. Public for the views
    that answer a malformed request: they refuse a stranger to the action (403) before explaining."""
    if actor is None or not actor.has_perm(WHO.get(perm, perm), obj):
        raise PermissionDenied


def _require_now(actor, perm: str, outcome: Outcome, message: str) -> None:
    """The whole rule (who and when) on the locked outcome, the rule the page's button follows."""
    if actor is not None and actor.has_perm(perm, outcome):
        return
    check_who(actor, perm, outcome)
    raise ValidationError(message)


def _not_drafting() -> str:
    return _("This outcome is no longer being drafted: it cannot be changed.")


def _check_language(language: str) -> str:
    _require(language in languages.CODES, _("Choose one of the Forum's working languages."))
    return language


@transaction.atomic
def outcome_start(*, session: Session, actor, original_language: str = languages.DEFAULT) -> Outcome:
    """The session's outcome with its five empty sections in each working language (created on
    first use, idempotent): those in `original_language` are the rapporteur's, the others the
    translators'."""
    check_who(actor, "outcomes.start_outcome", session)
    existing = Outcome.objects.filter(session=session).first()
    if existing is not None:  # nothing to write: a closed meeting's outcome is read as it is
        return existing
    ensure_open(session.meeting, actor)
    _check_language(original_language)
    outcome, created = Outcome.objects.get_or_create(session=session, defaults={"original_language": original_language})
    if created:
        OutcomeSection.objects.bulk_create(
            OutcomeSection(outcome=outcome, kind=kind, language=language, order=order)
            for order, kind in enumerate(OutcomeSection.Kind.values, start=1)
            for language in languages.CODES
        )
        _log(actor=actor, action="outcomes.outcome.started", outcome=outcome, data={"language": original_language})
    return outcome


@transaction.atomic
def original_language_set(*, outcome: Outcome, actor, language: str) -> Outcome:
    """Choose the language the rapporteur drafts in, while nothing is written in any language (the
    sections of the other languages become the translations)."""
    outcome = Outcome.objects.select_for_update().select_related("session").get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    _require_now(actor, "outcomes.edit_outcome", outcome, _not_drafting())
    _check_language(language)
    _require(
        not outcome.sections.filter(current_revision__isnull=False).exists(),
        _("The original language can be changed only before anything is written in any language."),
    )
    if outcome.original_language != language:
        previous, outcome.original_language = outcome.original_language, language
        outcome.save(update_fields=["original_language"])
        _log(
            actor=actor,
            action="outcomes.outcome.language_set",
            outcome=outcome,
            data={"language": language, "previous": previous},
        )
    return outcome


def _require_section_rule(actor, section: OutcomeSection) -> None:
    """The rule for writing this section: the original is the rapporteur's while it is drafted; a
    translation is its language's translator's (or the Chair's office's), at any stage."""
    if section.language == section.outcome.original_language:
        _require_now(actor, "outcomes.edit_outcome", section.outcome, _not_drafting())
    else:
        check_who(actor, "outcomes.translate_section", section)


def original_section(section: OutcomeSection) -> OutcomeSection:
    """The section of the same kind in the outcome's original language."""
    if section.language == section.outcome.original_language:
        return section
    return OutcomeSection.objects.select_related("current_revision").get(
        outcome_id=section.outcome_id, kind=section.kind, language=section.outcome.original_language
    )


def _translation_source(section: OutcomeSection, source_revision_id: int | None) -> OutcomeRevision | None:
    """The original's revision a translation was made from: one of the original section's revisions
    (the one the translator's editor showed). None only while the original has no text."""
    original = original_section(section)
    if source_revision_id:
        source = original.revisions.filter(pk=source_revision_id).first()
        _require(
            source is not None, _("The original this translation was made from could not be found: reload the page.")
        )
        return source
    _require(
        original.current_revision_id is None,
        _("Reload the page: the translation must say which version of the original it translates."),
    )
    return None


def _own_lost_saves(*, head: OutcomeRevision | None, base: OutcomeRevision | None, client_token: str) -> bool:
    """True when every version after `base` came from the same editor that sends this text.

    The browser names its saves "<editor id>.<n>". If a save arrived but its answer was lost (a
    flaky connection), the editor's next save still names the older base: that is the writer
    continuing their own text, not two writers, so it is applied rather than shown as a conflict."""
    editor_id, dot, _n = client_token.rpartition(".")
    if not dot or not editor_id or head is None:
        return False
    revision, steps = head, 0
    while revision is not None and steps < 100:
        if base is not None and revision.pk == base.pk:
            return True
        if not revision.client_token.startswith(f"{editor_id}."):
            return False
        revision, steps = revision.base, steps + 1
    return base is None and revision is None


def _next_number(section: OutcomeSection) -> int:
    return (section.revisions.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def section_save(
    *,
    section: OutcomeSection,
    actor,
    html: str,
    base_revision_id: int | None,
    client_token: str = "",
    source_revision_id: int | None = None,
) -> SaveResult:
    """Store the text sent for a section (the original, or a translation with the original's
    revision it translates: `source_revision_id`).

    A save based on the section's current version becomes the new current version. A save based on
    an older version is stored too (origin "conflict") but never replaces the newer text: the writer
    is shown both and merges. The same client_token sent twice (a retry) is stored once."""
    # Lock the section: two saves of one section are decided one after the other.
    section = (
        OutcomeSection.objects.select_for_update().select_related("outcome", "outcome__session").get(pk=section.pk)
    )
    _ensure_open(section.outcome, actor)
    _require_section_rule(actor, section)
    translation = section.language != section.outcome.original_language
    source = _translation_source(section, source_revision_id) if translation else None
    head = section.current_revision
    client_token = (client_token or "")[:64]
    if client_token:
        earlier = section.revisions.filter(client_token=client_token).first()
        if earlier is not None:
            return SaveResult(revision=earlier, head=head, applied=earlier.pk == section.current_revision_id)
    html = clean_outcome_html(html)
    base = section.revisions.filter(pk=base_revision_id).first() if base_revision_id else None
    up_to_date = (base.pk if base else None) == section.current_revision_id or _own_lost_saves(
        head=head, base=base, client_token=client_token
    )
    if up_to_date and head is not None and head.html == html and head.source_id == (source.pk if source else None):
        return SaveResult(revision=head, head=head, applied=True)  # nothing changed (a blur after a save)
    if up_to_date and head is None and not html:
        # An empty section stays without versions until something is written.
        return SaveResult(revision=None, head=None, applied=True)
    if up_to_date:
        origin = OutcomeRevision.Origin.SAVED
        if base is not None and base.origin == OutcomeRevision.Origin.CONFLICT:
            origin = OutcomeRevision.Origin.MERGED
    else:
        origin = OutcomeRevision.Origin.CONFLICT
    revision = OutcomeRevision.objects.create(
        section=section,
        number=_next_number(section),
        html=html,
        author=actor,
        base=base,
        origin=origin,
        client_token=client_token,
        source=source,
    )
    if up_to_date:
        section.current_revision = revision
        section.save(update_fields=["current_revision"])
        return SaveResult(revision=revision, head=revision, applied=True)
    _log(
        actor=actor,
        action="outcomes.section.conflict",
        outcome=section.outcome,
        data={"section": section.kind, "revision": revision.number, "current": head.number if head else None},
    )
    return SaveResult(revision=revision, head=head, applied=False)


@transaction.atomic
def section_merge(
    *,
    section: OutcomeSection,
    actor,
    html: str,
    conflict_revision_id: int,
    head_revision_id: int,
    source_revision_id: int | None = None,
):
    """Save the text a writer merged after a conflict, as the new current version."""
    result = section_save(
        section=section,
        actor=actor,
        html=html,
        base_revision_id=head_revision_id,
        source_revision_id=source_revision_id,
    )
    if result.applied and result.revision is not None:
        result.revision.origin = OutcomeRevision.Origin.MERGED
        result.revision.save(update_fields=["origin"])
        _log(
            actor=actor,
            action="outcomes.section.merged",
            outcome=section.outcome,
            data={"section": section.kind, "revision": result.revision.number, "conflict": conflict_revision_id},
        )
    return result


@transaction.atomic
def revision_restore(*, revision: OutcomeRevision, actor) -> OutcomeRevision:
    """Make an earlier version current again, as a new version (the history only grows)."""
    section = (
        OutcomeSection.objects.select_for_update()
        .select_related("outcome", "outcome__session")
        .get(pk=revision.section_id)
    )
    _ensure_open(section.outcome, actor)
    _require_section_rule(actor, section)
    restored = OutcomeRevision.objects.create(
        section=section,
        number=_next_number(section),
        html=revision.html,
        author=actor,
        base=section.current_revision,
        origin=OutcomeRevision.Origin.RESTORED,
        restored_from=revision,
        source_id=revision.source_id,  # a restored translation translates what it translated then
    )
    section.current_revision = restored
    section.save(update_fields=["current_revision"])
    _log(
        actor=actor,
        action="outcomes.section.restored",
        outcome=section.outcome,
        data={"section": section.kind, "revision": restored.number, "restored_from": revision.number},
    )
    return restored


@transaction.atomic
def comment_add(*, section: OutcomeSection, actor, body: str) -> SectionComment:
    outcome = Outcome.objects.select_for_update().get(pk=section.outcome_id)
    _ensure_open(outcome, actor)
    check_who(actor, "outcomes.comment_outcome", outcome)
    body = (body or "").strip()
    _require(bool(body), _("Write a comment first."))
    _require_now(actor, "outcomes.comment_outcome", outcome, _("The outcome is published: comments are closed."))
    comment = SectionComment.objects.create(section=section, author=actor, body=body)
    _log(actor=actor, action="outcomes.section.commented", outcome=outcome, data={"section": section.kind})
    _notify(
        recipients=rapporteurs(outcome.session),
        template="commented",
        outcome=outcome,
        actor=actor,
        extra={"section": section, "comment": comment},
    )
    return comment


@transaction.atomic
def outcome_submit(*, outcome: Outcome, actor) -> Outcome:
    """Drafting (or returned) -> submitted to the co-chairs for sign-off."""
    outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    _require_now(actor, "outcomes.submit_outcome", outcome, _("Only an outcome being drafted can be submitted."))
    _require(
        outcome.sections.filter(language=outcome.original_language, current_revision__isnull=False).exists(),
        _("Write at least one section before submitting the outcome."),
    )
    outcome.state = Outcome.State.SUBMITTED
    outcome.submitted_at = timezone.now()
    outcome.save(update_fields=["state", "submitted_at"])
    outcome.approvals.all().delete()
    _log(actor=actor, action="outcomes.outcome.submitted", outcome=outcome)
    _notify(
        recipients=co_chair_representatives(outcome.session),
        template="submitted",
        outcome=outcome,
        actor=actor,
    )
    return outcome


@transaction.atomic
def outcome_return(*, outcome: Outcome, actor, comment: str) -> Outcome:
    """Submitted (or approved, not yet published) -> returned to drafting, with comments."""
    outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    check_who(actor, "outcomes.return_outcome", outcome)
    comment = (comment or "").strip()
    _require(bool(comment), _("Say what should change: the rapporteur reads your comments."))
    _require_now(
        actor,
        "outcomes.return_outcome",
        outcome,
        _("Only a submitted or approved outcome can be returned to drafting."),
    )
    outcome.state = Outcome.State.RETURNED
    outcome.return_comment = comment
    outcome.returned_by = actor
    outcome.returned_at = timezone.now()
    outcome.approved_at = None
    outcome.approved_by_chair_office = None
    outcome.save(
        update_fields=[
            "state",
            "return_comment",
            "returned_by",
            "returned_at",
            "approved_at",
            "approved_by_chair_office",
        ]
    )
    outcome.approvals.all().delete()  # a changed text needs a fresh sign-off
    _log(actor=actor, action="outcomes.outcome.returned", outcome=outcome, data={"comment": comment})
    _notify(
        recipients=rapporteurs(outcome.session),
        template="returned",
        outcome=outcome,
        actor=actor,
        extra={"comment": comment},
    )
    return outcome


@transaction.atomic
def outcome_approve(*, outcome: Outcome, actor) -> Outcome:
    """Record the sign-off of the one co-chair government the actor signs for; once every co-chair
    government's sign-off counts (or the Chair's office approves in their place), submitted -> approved.

    The rule is decided here, under locks: the outcome row, then the actor's registration (which a
    withdrawal or a move also locks), so the registration cannot change between the check and the
    sign-off."""
    outcome = Outcome.objects.select_for_update().select_related("session").get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    check_who(actor, "outcomes.approve_outcome", outcome)
    _require(
        outcome.state == Outcome.State.SUBMITTED or approval_lapsed(outcome),
        _("Only a submitted outcome can be approved."),
    )
    delegation = signing_delegation(actor, outcome.session, lock=True)
    if delegation is not None:
        _require(
            actor.has_perm("outcomes.sign_off_outcome", outcome),
            _("%(government)s has already signed off this outcome.") % {"government": delegation.name},
        )
        _sign_off(outcome=outcome, delegation=delegation, actor=actor)
    elif not actor.has_perm("outcomes.approve_in_place", outcome):
        raise PermissionDenied
    if not approved_by_every_co_chair(outcome):
        if not actor.has_perm("outcomes.approve_in_place", outcome):
            return outcome  # still waiting for other co-chair governments
        outcome.approved_by_chair_office = actor
    outcome.state = Outcome.State.APPROVED
    outcome.approved_at = timezone.now()
    outcome.save(update_fields=["state", "approved_at", "approved_by_chair_office"])
    _log(
        actor=actor,
        action="outcomes.outcome.approved",
        outcome=outcome,
        data={"by_chair_office": outcome.approved_by_chair_office_id is not None},
    )
    _notify(
        recipients=[*rapporteurs(outcome.session), *chair_office_people(outcome.session.meeting)],
        template="approved",
        outcome=outcome,
        actor=actor,
    )
    return outcome


def _sign_off(*, outcome: Outcome, delegation, actor) -> None:
    """Write the government's sign-off: a new row, or in place of an earlier one that no longer
    counts (its signer withdrew or moved); the activity log keeps who had signed before."""
    earlier = Approval.objects.select_for_update().filter(outcome=outcome, delegation=delegation).first()
    data = {"government": delegation.name}
    if earlier is None:
        Approval.objects.create(outcome=outcome, delegation=delegation, approved_by=actor)
    else:
        data["replaces"] = {
            "person": earlier.approved_by.display_name if earlier.approved_by else "",
            "approved_at": earlier.approved_at.isoformat(),
        }
        earlier.approved_by = actor
        earlier.approved_at = timezone.now()
        earlier.save(update_fields=["approved_by", "approved_at"])
    _log(actor=actor, action="outcomes.outcome.signed_off", outcome=outcome, data=data)


@transaction.atomic
def outcome_publish(*, outcome: Outcome, actor) -> Outcome:
    """Approved -> published on the session's public page (the Chair's office)."""
    outcome = Outcome.objects.select_for_update().select_related("session").get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    if actor is None or not actor.has_perm("outcomes.publish_outcome", outcome):
        check_who(actor, "outcomes.publish_outcome", outcome)
        # The Chair's office, but the outcome is not ready: say which part of the rule is missing.
        _require(outcome.state == Outcome.State.APPROVED, _("Only an approved outcome can be published."))
        raise ValidationError(
            _(
                "A co-chair government's sign-off no longer counts (its signer withdrew or moved): that "
                "government signs off again, or the Chair's office approves in its place, before publication."
            )
        )
    outcome.state = Outcome.State.PUBLISHED
    outcome.published_at = timezone.now()
    outcome.published_by = actor
    # What is published is what was signed off: the original's current text, and the translations
    # made from exactly that text; the others show "translation in progress" until published later.
    outcome.sections.filter(language=outcome.original_language).update(published_revision=F("current_revision"))
    published = _publish_up_to_date_translations(outcome)
    if published:
        outcome.translations_published_at = outcome.published_at
    outcome.save(update_fields=["state", "published_at", "published_by", "translations_published_at"])
    outcome_published(outcome=outcome, actor=actor)
    _log(
        actor=actor,
        action="outcomes.outcome.published",
        outcome=outcome,
        data={"translations": sorted({f"{s.language}:{s.kind}" for s in published})},
    )
    _notify(
        recipients=[*rapporteurs(outcome.session), *co_chair_representatives(outcome.session)],
        template="published",
        outcome=outcome,
        actor=actor,
    )
    return outcome


def _publish_up_to_date_translations(outcome: Outcome, language: str | None = None) -> list[OutcomeSection]:
    """Publish each translation section (of `language`, or of every language) whose current text
    translates the original's current text and is not published yet. Returns those published."""
    originals = {
        section.kind: section.current_revision_id
        for section in outcome.sections.filter(language=outcome.original_language)
    }
    translations = (
        outcome.sections.exclude(language=outcome.original_language)
        .filter(current_revision__isnull=False)
        .select_related("current_revision")
        .select_for_update(of=("self",))
    )
    if language is not None:
        translations = translations.filter(language=language)
    published = []
    for section in translations:
        revision = section.current_revision
        if (
            revision.html
            and originals.get(section.kind) is not None
            and revision.source_id == originals[section.kind]
            and section.published_revision_id != revision.pk
        ):
            section.published_revision = revision
            published.append(section)
    OutcomeSection.objects.bulk_update(published, ["published_revision"])
    return published


@transaction.atomic
def translation_publish(*, outcome: Outcome, language: str, actor) -> list[OutcomeSection]:
    """After the outcome's publication, publish its translations into `language` that are up to
    date with the published original (their translator, or the Chair's office)."""
    outcome = Outcome.objects.select_for_update().select_related("session").get(pk=outcome.pk)
    _ensure_open(outcome, actor)
    _check_language(language)
    section = outcome.sections.filter(language=language).first()
    _require(
        section is not None and language != outcome.original_language, _("This is the outcome's original language.")
    )
    section.outcome = outcome
    _require_now(
        actor,
        "outcomes.publish_translation",
        section,
        _("The translations are published with the outcome: publish the outcome first."),
    )
    published = _publish_up_to_date_translations(outcome, language)
    _require(
        bool(published),
        _("No section of the %(language)s translation is both up to date with the original and unpublished.")
        % {"language": languages.NAMES[language]},
    )
    outcome.translations_published_at = timezone.now()
    outcome.save(update_fields=["translations_published_at"])
    _log(
        actor=actor,
        action="outcomes.translation.published",
        outcome=outcome,
        data={"language": language, "sections": [s.kind for s in published]},
    )
    return published
