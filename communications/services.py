"""Writing a composed mailing, testing it and putting it in the outbox.

One function per change, each atomic, on the locked row, under the rule of communications.permissions
that includes the state, with the meeting open (roundtables.editions.ensure_open). The mail itself is
the mailings app's: a test is one queue_mail() to the person writing; "Put in the outbox" is one
mailing_create() whose held mails the Chair's office sends from the outbox page."""

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from activity.services import activity_log
from communications import placeholders
from communications.audiences import people_of
from communications.models import Audience, ComposedMailing
from communications.permissions import focal_point_delegation_ids
from delegations.models import Delegation
from gfmd import languages
from mailings.models import Mailing
from mailings.placeholders import render, single_line
from mailings.services import MailRecipient, mailing_create, queue_mail
from papers.models import Paper
from roundtables.editions import ensure_open
from roundtables.models import Session

# Shown above the English text to a recipient whose language the mailing was not written in.
NOT_IN_YOUR_LANGUAGE = _("This message is not available in your language; here it is in English.")
TEST_MARK = "[TEST]"


class ComposedStateError(ValidationError):
    """Not a draft any more (already in the outbox): the change is refused with this message."""


@dataclass
class Draft:
    """What the person wrote, as the form parsed it."""

    title: str
    audience: str
    subjects: dict[str, str]
    bodies: dict[str, str]
    session: Session | None = None
    delegation: Delegation | None = None
    people: list[User] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)


# -- Checks ------------------------------------------------------------------------------------------


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in text)


def validate_draft(draft: Draft, *, meeting, actor) -> None:
    """Every problem of the draft at once, by field (subject_fr, body_es, audience...): the form shows each
    next to its field. Nothing with an unknown placeholder or a broken subject is saved, so none is sent."""
    errors: dict[str, list] = {}

    def error(name: str, message) -> None:
        errors.setdefault(name, []).append(message)

    if not (draft.title or "").strip():
        error("title", _("Give the mailing a title."))
    elif _has_control_characters(draft.title):
        error("title", _("The title must be a single line."))
    if draft.audience not in Audience.values:
        error("audience", _("Choose who receives the mailing."))
    elif not actor.has_perm("communications.write_to_any_audience", meeting):
        if draft.audience != Audience.DELEGATION:
            error("audience", _("A focal point writes only to the approved participants of their own delegation."))
        elif draft.delegation is None or draft.delegation.pk not in focal_point_delegation_ids(actor, meeting):
            error("delegation", _("Choose your own delegation."))
    if draft.audience == Audience.SESSION:
        if draft.session is None:
            error("session", _("Choose the session whose participants receive the mailing."))
        elif draft.session.meeting_id != meeting.pk:
            error("session", _("This session is not part of this meeting."))
    if draft.audience == Audience.DELEGATION and draft.delegation is None:
        error("delegation", _("Choose the delegation whose participants receive the mailing."))
    if draft.audience == Audience.HAND_PICKED:
        if not draft.people:
            error("people", _("Choose at least one person."))
        elif len(draft.people) > ComposedMailing.MAX_PEOPLE:
            error("people", _("Choose at most %(count)s people.") % {"count": ComposedMailing.MAX_PEOPLE})
    if len(draft.papers) > ComposedMailing.MAX_PAPERS:
        error("papers", _("Link at most %(count)s documents.") % {"count": ComposedMailing.MAX_PAPERS})
    for paper in draft.papers:
        if paper.state != Paper.State.PUBLISHED or paper.session.meeting_id != meeting.pk:
            error("papers", _("Only the published papers of this meeting can be linked."))
            break

    with_session = draft.audience == Audience.SESSION
    for code in languages.CODES:
        subject = draft.subjects.get(code, "") or ""
        body = draft.bodies.get(code, "") or ""
        if code == languages.DEFAULT:
            if not subject.strip():
                error(f"subject_{code}", _("The subject in English is required."))
            if not body.strip():
                error(f"body_{code}", _("The message in English is required."))
        elif bool(subject.strip()) != bool(body.strip()):
            name = f"subject_{code}" if not subject.strip() else f"body_{code}"
            error(name, _("Give both the subject and the message in this language, or neither."))
        # A line break in a subject would become a header of its own (header injection): refused, not mended.
        if _has_control_characters(subject):
            error(f"subject_{code}", _("The subject must be a single line."))
        for message in placeholders.problems(subject, with_session=with_session):
            error(f"subject_{code}", message)
        for message in placeholders.problems(body, with_session=with_session):
            error(f"body_{code}", message)
    if errors:
        raise ValidationError(errors)


def _require(actor, perm: str, composed: ComposedMailing) -> None:
    """The rule for this change on the locked row: who (PermissionDenied), then when (ComposedStateError)."""
    if actor is not None and actor.has_perm(perm, composed):
        return
    if actor is None or not actor.has_perm("communications.view_composed", composed):
        raise PermissionDenied
    raise ComposedStateError(_("This mailing is already in the outbox: it can no longer be changed."))


# -- Writing ----------------------------------------------------------------------------------------


def _apply(composed: ComposedMailing, draft: Draft) -> None:
    composed.title = single_line(draft.title)[:200]
    composed.audience = draft.audience
    composed.session = draft.session if draft.audience == Audience.SESSION else None
    composed.delegation = draft.delegation if draft.audience == Audience.DELEGATION else None
    for code in languages.CODES:
        setattr(composed, f"subject_{code}", (draft.subjects.get(code) or "").strip())
        setattr(composed, f"body_{code}", (draft.bodies.get(code) or "").strip())


@transaction.atomic
def composed_create(*, meeting, actor, draft: Draft) -> ComposedMailing:
    if not actor.has_perm("communications.compose", meeting):
        raise PermissionDenied
    ensure_open(meeting, actor)
    validate_draft(draft, meeting=meeting, actor=actor)
    composed = ComposedMailing(meeting=meeting, created_by=actor)
    _apply(composed, draft)
    composed.save()
    composed.people.set(draft.people if draft.audience == Audience.HAND_PICKED else [])
    composed.papers.set(draft.papers)
    activity_log(actor=actor, action="communications.composed.created", obj=composed, meeting=meeting)
    return composed


@transaction.atomic
def composed_update(*, composed: ComposedMailing, actor, draft: Draft) -> ComposedMailing:
    locked = ComposedMailing.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=composed.pk)
    _require(actor, "communications.edit_composed", locked)
    ensure_open(locked.meeting, actor)
    validate_draft(draft, meeting=locked.meeting, actor=actor)
    _apply(locked, draft)
    locked.save()
    locked.people.set(draft.people if draft.audience == Audience.HAND_PICKED else [])
    locked.papers.set(draft.papers)
    activity_log(actor=actor, action="communications.composed.edited", obj=locked, meeting=locked.meeting)
    return locked


# -- Rendering ----------------------------------------------------------------------------------------


def _paper_links(papers: list[Paper]) -> str:
    """The documents as links to their pages on the portal, in the active language; never a file."""
    if not papers:
        return ""
    lines = ["", "", gettext("Documents on the portal:")]
    for paper in papers:
        # A brace in a title would be read as a placeholder by the renderer: shown as a parenthesis.
        title = single_line(paper.title).replace("{", "(").replace("}", ")")
        lines.append(f"- {title}")
        lines.append(f"  {settings.SITE_URL}{reverse('papers:detail', args=[paper.pk])}")
    return "\n".join(lines)


def mail_texts(composed: ComposedMailing) -> tuple[dict[str, str], dict[str, str]]:
    """The subject and message templates per language, as the outbox gets them: a language the mailing was
    not written in gets the English text under a note in that language; the linked documents follow."""
    papers = list(composed.papers.select_related("session").order_by("session__code", "pk"))
    subjects, bodies = {}, {}
    for code in languages.CODES:
        with translation.override(code):
            if composed.has_language(code):
                subject, body = composed.subject(code), composed.body(code)
            else:
                subject = composed.subject(languages.DEFAULT)
                body = f"{gettext(NOT_IN_YOUR_LANGUAGE)}\n\n{composed.body(languages.DEFAULT)}"
            subjects[code] = subject
            bodies[code] = body + _paper_links(papers)
    return subjects, bodies


def _delegations_of(meeting) -> dict[int, Delegation]:
    """The delegations a recipient of this meeting may be mailed as, read once (a few hundred at most)."""
    return (
        Delegation.objects.filter(Q(registrations__meeting=meeting) | Q(focal_point_roles__meeting=meeting))
        .distinct()
        .in_bulk()
    )


def _recipient(
    person, *, meeting, session, delegation: Delegation | None, language: str | None = None
) -> MailRecipient:
    def values() -> dict[str, str]:
        return {
            "delegation": delegation.display_name if delegation else "",
            "meeting": meeting.title,
            "session": f"{session.code} {session.title}" if session else "",
        }

    if language is not None:  # a preview or a test in a chosen language
        person = _in_language(person, language)
    return MailRecipient.in_their_language(person, values=values, description=delegation.name if delegation else "")


def _in_language(person, language: str):
    """A copy of the account that reads `language` (for a preview or a test in that language)."""
    copy = User(
        pk=person.pk,
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        honorific=person.honorific,
        preferred_language=language,
    )
    return copy


def recipients(composed: ComposedMailing) -> Iterator[MailRecipient]:
    """The audience as mailing recipients, streamed (5,000 people never sit in memory as accounts)."""
    delegations = _delegations_of(composed.meeting)
    people = people_of(composed).only("pk", "email", "first_name", "last_name", "honorific", "preferred_language")
    for person in people.iterator(chunk_size=1000):
        yield _recipient(
            person,
            meeting=composed.meeting,
            session=composed.session,
            delegation=delegations.get(person.delegation_ref),
        )


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    body: str
    in_english_instead: bool  # the recipient's language was not written: English with the note


def render_for(composed: ComposedMailing, person, *, language: str | None = None) -> Rendered:
    """The mail exactly as `person` gets it (in `language` instead of theirs, for a per-language preview):
    the same templates and renderer as mailing_create() and the sending (with no personal link)."""
    person_with_delegation = people_of(composed).filter(pk=person.pk).first()
    delegation_id = getattr(person_with_delegation, "delegation_ref", None)
    delegation = Delegation.objects.filter(pk=delegation_id).first() if delegation_id else None
    recipient = _recipient(
        person, meeting=composed.meeting, session=composed.session, delegation=delegation, language=language
    )
    subjects, bodies = mail_texts(composed)
    code = recipient.language if recipient.language in subjects else languages.DEFAULT
    values = {"name": recipient.name, **recipient.values}
    return Rendered(
        language=code,
        subject=single_line(render(subjects[code], values))[:300],
        body=render(bodies[code], values),
        in_english_instead=not composed.has_language(code),
    )


# -- Sending ------------------------------------------------------------------------------------------


@transaction.atomic
def composed_send_test(*, composed: ComposedMailing, actor, language: str) -> Rendered:
    """Queue one mail to the person writing, in `language`, marked [TEST]; nobody else gets anything."""
    locked = (
        ComposedMailing.objects.select_for_update(of=("self",)).select_related("meeting", "session").get(pk=composed.pk)
    )
    _require(actor, "communications.send_composed", locked)
    ensure_open(locked.meeting, actor)
    if language not in languages.CODES:
        raise ValidationError({"language": _("Choose a language.")})
    rendered = render_for(locked, actor, language=language)
    queue_mail(to=actor.email, subject=f"{TEST_MARK} {rendered.subject}", body_text=rendered.body)
    activity_log(
        actor=actor,
        action="communications.composed.tested",
        obj=locked,
        meeting=locked.meeting,
        data={"language": language},
    )
    return rendered


@transaction.atomic
def composed_put_in_outbox(*, composed: ComposedMailing, actor) -> Mailing:
    """Write the mailing with one held mail per recipient; the Chair's office sends it from the outbox.

    The composed mailing's row is locked and must still be a draft: pressed twice, or by two people at
    once, the second finds it in the outbox and is refused, so there is one mailing."""
    locked = (
        ComposedMailing.objects.select_for_update(of=("self",)).select_related("meeting", "session").get(pk=composed.pk)
    )
    _require(actor, "communications.send_composed", locked)
    ensure_open(locked.meeting, actor)
    # Checked again: the draft was valid when saved, but a session or a rule may have changed since.
    validate_draft(_draft_of(locked), meeting=locked.meeting, actor=actor)
    if not people_of(locked).exists():
        raise ValidationError(_("Nobody is in this audience: there is nobody to write to."))
    subjects, bodies = mail_texts(locked)
    mailing, rows = mailing_create(
        title=locked.title,
        subjects=subjects,
        bodies=bodies,
        recipients=recipients(locked),
        created_by=actor,
        meeting=locked.meeting,
    )
    locked.state = ComposedMailing.State.OUTBOX
    locked.mailing = mailing
    locked.save(update_fields=["state", "mailing", "updated_at"])
    activity_log(
        actor=actor,
        action="communications.composed.put_in_outbox",
        obj=locked,
        meeting=locked.meeting,
        data={"mailing": mailing.pk, "recipients": len(rows)},
    )
    return mailing


def _draft_of(composed: ComposedMailing) -> Draft:
    return Draft(
        title=composed.title,
        audience=composed.audience,
        subjects={code: composed.subject(code) for code in languages.CODES},
        bodies={code: composed.body(code) for code in languages.CODES},
        session=composed.session,
        delegation=composed.delegation,
        people=list(composed.people.all()[: ComposedMailing.MAX_PEOPLE + 1]),
        papers=list(composed.papers.select_related("session")[: ComposedMailing.MAX_PAPERS + 1]),
    )
