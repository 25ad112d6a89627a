"""Every write to a practice of the Platform for Partnerships: its submission and changes by the
submitter, its withdrawal, and the Chair's office's review (links, translations, publication, return,
decline). One function per transition: it locks the practice, checks the rule (who & when), validates,
saves, logs and queues the submitter's mail."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.models import Delegation, FocalPoint, Registration
from followup.models import PartnerKind, Practice, PracticeDocument, PracticePartner, Recommendation, Theme
from followup.permissions.practices import WHO
from gfmd import languages
from mailings.services import send_to_people
from papers.models import Paper

# Papers' upload pipeline: the content check, and the storage that removes a file again if its row is
# not saved. `_store` is papers' one writer of checked files (name generated, format recorded).
from papers.services.files import _store, files_kept_only_if_saved, inspect_upload
from roundtables.models import Session

MAX_PARTNERS = 10
MAX_LINKS = 5
MAX_DOCUMENTS = 3
MAX_COUNTRIES = 60
MAX_SESSIONS = 20
MAX_PAPERS = 20
MAX_RECOMMENDATIONS = 30
MAX_LINK_LENGTH = 500
TEXT_FIELDS = ("title", "summary", "results")


@dataclass
class PracticeInput:
    """What the submitter writes: the texts by field and language ({"title": {"en": ...}}) and the rest."""

    texts: dict[str, dict[str, str]]
    language: str
    submitter_kind: str
    organisation: str
    delegation: Delegation | None = None
    countries: Sequence[Delegation] = ()
    themes: Sequence[Theme] = ()
    partners: Sequence[tuple[str, str]] = ()  # (name, kind)
    period_start: object = None
    period_end: object = None
    contact_name: str = ""
    contact_email: str = ""
    links: Sequence[str] = ()
    files: Sequence = field(default_factory=list)  # uploaded files to add


# -- Checks -----------------------------------------------------------------------------------------


def check_who(actor, perm: str, practice: Practice | None) -> None:
    """The "who" half of a rule: a person who may never do this gets 403, before any input is read."""
    if actor is None or not actor.has_perm(WHO.get(perm, perm), practice):
        raise PermissionDenied


def _check_now(actor, perm: str, practice: Practice, message: str) -> None:
    """The whole rule, on the locked practice (its state read afresh)."""
    if actor.has_perm(perm, practice):
        return
    check_who(actor, perm, practice)
    raise ValidationError(message, code="wrong_state")


def _state_message(practice: Practice) -> str:
    return _("This practice is “%(state)s”: it cannot be changed this way now.") % {
        "state": practice.get_state_display()
    }


def clean_link(value: str) -> str:
    """An http(s) address with a host, or a ValidationError (javascript:, data:, mailto:... refused)."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
        or len(value) > MAX_LINK_LENGTH
    ):
        raise ValidationError(
            _("Give a web address starting with http:// or https://, e.g. https://www.example.org/report."),
            code="bad_link",
        )
    return value


def user_delegations(user):
    """The delegations the person may submit for: registered with (pending or approved) or focal point of."""
    return (
        Delegation.objects.filter(
            pk__in=Registration.objects.filter(person=user, status__in=Registration.ACTIVE_STATUSES).values(
                "delegation_id"
            )
        )
        | Delegation.objects.filter(pk__in=FocalPoint.objects.filter(user=user).values("delegation_id"))
    ).distinct()


def _validate(data: PracticeInput, *, actor, existing_documents: int = 0) -> dict[str, list[str]]:
    """Every problem of the input, by form field, so the form shows each next to its field."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if data.language not in languages.CODES:
        add("language", _("Choose one of the Forum's working languages."))
    else:
        for name in ("title", "summary"):
            if not (data.texts.get(name, {}).get(data.language) or "").strip():
                add(
                    f"{name}_{data.language}",
                    _("Write the %(field)s in the language you chose (%(language)s).")
                    % {
                        "field": Practice._meta.get_field(name).verbose_name,
                        "language": languages.NAMES[data.language],
                    },
                )
    if data.submitter_kind not in Practice.SubmitterKind.values:
        add("submitter_kind", _("Say who submits the practice."))
    if not (data.organisation or "").strip():
        add("organisation", _("Name your organisation."))
    if data.delegation is not None and not user_delegations(actor).filter(pk=data.delegation.pk).exists():
        add("delegation", _("Choose one of the delegations you are registered with."))
    countries = list(data.countries)
    if len(countries) > MAX_COUNTRIES:
        add("countries", _("Choose at most %(n)s countries.") % {"n": MAX_COUNTRIES})
    if any(country.kind != Delegation.Kind.STATE for country in countries):
        add("countries", _("Countries are the Forum's state delegations."))
    if len(data.partners) > MAX_PARTNERS:
        add("partners", _("At most %(n)s partners.") % {"n": MAX_PARTNERS})
    if any(not (name or "").strip() or kind not in PartnerKind.values for name, kind in data.partners):
        add("partners", _("Give each partner a name and a kind."))
    if data.period_start and data.period_end and data.period_end < data.period_start:
        add("period_end", _("The practice cannot end before it started: check the two dates."))
    if len(data.links) > MAX_LINKS:
        add("links", _("At most %(n)s links.") % {"n": MAX_LINKS})
    for index, link in enumerate(data.links):
        try:
            clean_link(link)
        except ValidationError as error:
            add(f"link_{index + 1}", error.messages[0])
    if existing_documents + len(data.files) > MAX_DOCUMENTS:
        add("documents", _("At most %(n)s documents per practice.") % {"n": MAX_DOCUMENTS})
    return errors


def _inspect(files) -> list:
    """Each upload checked by content (papers.validators), refused with a message by its form field."""
    inspected = []
    errors: dict[str, list] = {}
    for index, upload in enumerate(files):
        try:
            inspected.append((upload, inspect_upload(upload, field=f"document_{index + 1}")))
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return inspected


def _write(practice: Practice, data: PracticeInput) -> None:
    for name in TEXT_FIELDS:
        for code in languages.CODES:
            setattr(practice, f"{name}_{code}", (data.texts.get(name, {}).get(code) or "").strip())
    practice.language = data.language
    practice.submitter_kind = data.submitter_kind
    practice.organisation = data.organisation.strip()
    practice.delegation = data.delegation
    practice.period_start = data.period_start
    practice.period_end = data.period_end
    practice.contact_name = (data.contact_name or "").strip()
    practice.contact_email = (data.contact_email or "").strip()
    practice.links = [clean_link(link) for link in data.links]


def _write_relations(practice: Practice, data: PracticeInput) -> None:
    practice.countries.set(data.countries)
    practice.themes.set(data.themes)
    practice.partners.all().delete()
    PracticePartner.objects.bulk_create(
        PracticePartner(practice=practice, name=name.strip(), kind=kind) for name, kind in data.partners
    )


def _store_documents(practice: Practice, inspected, actor) -> None:
    for upload, checked in inspected:
        _store(PracticeDocument(practice=practice, uploaded_by=actor), file=upload, inspected=checked)


def _log(*, actor, action: str, practice: Practice, data: dict | None = None) -> None:
    activity_log(actor=actor, action=action, obj=practice, data=data)


# -- The submitter ------------------------------------------------------------------------------------


def practice_submit(*, actor, data: PracticeInput) -> Practice:
    """A new practice, submitted for the Chair's office's review."""
    if actor is None or not actor.has_perm("followup.submit_practice"):
        raise PermissionDenied
    errors = _validate(data, actor=actor)
    if errors:
        raise ValidationError(errors)
    inspected = _inspect(data.files)
    with files_kept_only_if_saved(), transaction.atomic():
        practice = Practice(submitted_by=actor, submitted_at=timezone.now(), state=Practice.State.SUBMITTED)
        _write(practice, data)
        practice.save()
        _write_relations(practice, data)
        _store_documents(practice, inspected, actor)
        _log(actor=actor, action="followup.practice.submitted", practice=practice, data={"language": practice.language})
    return practice


def practice_update(
    *, practice: Practice, actor, data: PracticeInput, remove_documents: Iterable[int] = ()
) -> Practice:
    """The submitter changes the practice while it is under review or returned; a returned practice goes
    back to the review queue."""
    check_who(actor, "followup.edit_practice", practice)
    remove = {int(pk) for pk in remove_documents}
    with files_kept_only_if_saved(), transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        _check_now(actor, "followup.edit_practice", practice, _state_message(practice))
        kept = practice.documents.exclude(pk__in=remove).count()
        errors = _validate(data, actor=actor, existing_documents=kept)
        if errors:
            raise ValidationError(errors)
        inspected = _inspect(data.files)
        was_returned = practice.state == Practice.State.RETURNED
        _write(practice, data)
        if was_returned:
            practice.state = Practice.State.SUBMITTED
            practice.submitted_at = timezone.now()
        practice.save()
        _write_relations(practice, data)
        for document in practice.documents.filter(pk__in=remove):
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
        _store_documents(practice, inspected, actor)
        _log(
            actor=actor,
            action="followup.practice.resubmitted" if was_returned else "followup.practice.edited",
            practice=practice,
        )
    return practice


@transaction.atomic
def practice_withdraw(*, practice: Practice, actor) -> Practice:
    check_who(actor, "followup.withdraw_practice", practice)
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    _check_now(actor, "followup.withdraw_practice", practice, _state_message(practice))
    practice.state = Practice.State.WITHDRAWN
    practice.save(update_fields=["state", "updated_at"])
    _log(actor=actor, action="followup.practice.withdrawn", practice=practice)
    return practice


# -- The Chair's office -------------------------------------------------------------------------------


@transaction.atomic
def practice_review_update(
    *,
    practice: Practice,
    actor,
    texts: dict[str, dict[str, str]] | None = None,
    sessions: Sequence[Session] | None = None,
    papers: Sequence[Paper] | None = None,
    recommendations: Sequence[Recommendation] | None = None,
) -> Practice:
    """The Chair's office fills missing translations and links the practice to the sessions where it was
    presented, the published papers that cite it and the published recommendations it answers. None
    leaves that part as it is."""
    check_who(actor, "followup.update_practice_review", practice)
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    _check_now(actor, "followup.update_practice_review", practice, _state_message(practice))
    errors: dict[str, list[str]] = {}
    if papers is not None:
        if len(papers) > MAX_PAPERS:
            errors["papers"] = [_("At most %(n)s papers.") % {"n": MAX_PAPERS}]
        elif Paper.objects.filter(pk__in=[p.pk for p in papers]).exclude(state=Paper.State.PUBLISHED).exists():
            errors["papers"] = [_("Only published papers can be linked.")]
    if recommendations is not None:
        ids = [r.pk for r in recommendations]
        if len(ids) > MAX_RECOMMENDATIONS:
            errors["recommendations"] = [_("At most %(n)s recommendations.") % {"n": MAX_RECOMMENDATIONS}]
        elif Recommendation.objects.filter(pk__in=ids).published().count() != len(set(ids)):
            errors["recommendations"] = [_("Only published recommendations can be linked.")]
    if sessions is not None and len(sessions) > MAX_SESSIONS:
        errors["sessions"] = [_("At most %(n)s sessions.") % {"n": MAX_SESSIONS}]
    if texts is not None:
        for name in ("title", "summary"):
            if not (texts.get(name, {}).get(practice.language) or "").strip():
                errors.setdefault(f"{name}_{practice.language}", []).append(
                    _("The original language's text cannot be left empty.")
                )
    if errors:
        raise ValidationError(errors)
    changed = []
    if texts is not None:
        for name in TEXT_FIELDS:
            for code in languages.CODES:
                setattr(practice, f"{name}_{code}", (texts.get(name, {}).get(code) or "").strip())
        practice.save()
        changed.append("texts")
    for name, values in (("sessions", sessions), ("papers", papers), ("recommendations", recommendations)):
        if values is not None:
            getattr(practice, name).set(values)
            changed.append(name)
    _log(actor=actor, action="followup.practice.review_updated", practice=practice, data={"changed": changed})
    return practice


def _notify(practice: Practice, actor, template: str, url_name: str, **extra) -> None:
    submitter = practice.submitted_by
    if submitter is None or (actor is not None and submitter.pk == actor.pk):
        return
    args = [practice.pk] if url_name != "followup:practices_mine" else []
    url = settings.SITE_URL + reverse(url_name, args=args)
    send_to_people(
        f"followup.{template}",
        [submitter],
        context={"practice": practice, "title": practice.title, "actor": actor, "url": url, **extra},
    )


@transaction.atomic
def practice_publish(*, practice: Practice, actor) -> Practice:
    """Submitted -> published. Two reviewers publishing at once: the row lock makes the second wait, then
    find it published and be told so; the practice is published once, the submitter mailed once."""
    check_who(actor, "followup.publish_practice", practice)
    # Only the practice's row is locked (PostgreSQL refuses FOR UPDATE on the outer join to the publisher).
    practice = Practice.objects.select_for_update(of=("self",)).select_related("published_by").get(pk=practice.pk)
    if practice.state == Practice.State.PUBLISHED:
        raise ValidationError(
            _("This practice was already published on %(date)s by %(person)s: nothing more to do.")
            % {
                "date": timezone.localtime(practice.published_at).strftime("%d/%m/%Y %H:%M"),
                "person": practice.published_by.display_name if practice.published_by else _("someone"),
            },
            code="already_published",
        )
    _check_now(actor, "followup.publish_practice", practice, _state_message(practice))
    if not (getattr(practice, f"title_{practice.language}") and getattr(practice, f"summary_{practice.language}")):
        raise ValidationError(_("The practice needs its title and summary in its original language."))
    practice.state = Practice.State.PUBLISHED
    practice.published_at = timezone.now()
    practice.published_by = actor
    practice.review_note = ""
    practice.save(update_fields=["state", "published_at", "published_by", "review_note", "updated_at"])
    _log(actor=actor, action="followup.practice.published", practice=practice)
    _notify(practice, actor, "practice_published", "followup:practice")
    return practice


@transaction.atomic
def practice_return(*, practice: Practice, actor, note: str) -> Practice:
    """Submitted -> returned for changes, with a note the submitter receives by mail."""
    check_who(actor, "followup.return_practice", practice)
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say what should change: the submitter receives your note.")})
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    _check_now(actor, "followup.return_practice", practice, _state_message(practice))
    practice.state = Practice.State.RETURNED
    practice.review_note = note
    practice.save(update_fields=["state", "review_note", "updated_at"])
    _log(actor=actor, action="followup.practice.returned", practice=practice, data={"note": note})
    _notify(practice, actor, "practice_returned", "followup:practice_edit", note=note)
    return practice


@transaction.atomic
def practice_decline(*, practice: Practice, actor, note: str = "") -> Practice:
    """Submitted or returned -> declined (not published), with an optional note mailed to the submitter."""
    check_who(actor, "followup.decline_practice", practice)
    note = (note or "").strip()
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    _check_now(actor, "followup.decline_practice", practice, _state_message(practice))
    practice.state = Practice.State.DECLINED
    practice.review_note = note
    practice.save(update_fields=["state", "review_note", "updated_at"])
    _log(actor=actor, action="followup.practice.declined", practice=practice, data={"note": note})
    _notify(practice, actor, "practice_declined", "followup:practices_mine", note=note)
    return practice
