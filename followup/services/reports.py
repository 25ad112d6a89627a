"""The follow-up of recommendations: their status history, the delegations' follow-up reports, and the
follow-up survey a Chair's office sends to ask for them.

Every change is made "in the follow-up of a meeting": the meeting whose Chair's office sets a status, or
the meeting a focal point files a report for (their delegation's focal point in it). That meeting must be
open (its record not closed), and it is the recommendation's own meeting or a later one. Only published
recommendations are followed up. Not the person: PermissionDenied; the person, but not this state or
this input: ValidationError with a message for them."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from activity.services import activity_log
from delegations.models import Delegation
from delegations.permissions import InMeeting
from delegations.selectors import holds_focal_point_role
from followup.models import FollowUpReport, Recommendation, ReportAttachment, StatusChange
from followup.permissions.reports import FILE_REPORT, REVIEW_FOLLOWUP
from gfmd import languages
from gfmd.text import printable
from mailings.services import send_to_people
from papers.filenames import clean_original_name, storage_name
from papers.models import FILE_FORMATS
from papers.services.files import inspect_upload
from roundtables.editions import ensure_open
from roundtables.models import Meeting
from roundtables.selectors import meeting_chair_staff
from surveys.models import Question
from surveys.services import question_save, section_save, survey_create

Status = Recommendation.Status

# The way forward a delegation's reports can move a recommendation: never back, never out of superseded
# (only the Chair's office decides that a recommendation is superseded, or that it moved back).
FORWARD = (Status.PROPOSED, Status.TAKEN_UP, Status.IN_PROGRESS, Status.IMPLEMENTED)
# What a delegation may report: what it did, not what the Forum decided.
REPORTABLE = (Status.TAKEN_UP, Status.IN_PROGRESS, Status.IMPLEMENTED)

MAX_ATTACHMENTS = 3
MAX_TEXT = 5000
MAX_NOTE = 2000
MAX_SURVEY_RECOMMENDATIONS = 20


def _require(condition: bool, message, field: str | None = None) -> None:
    if not condition:
        raise ValidationError({field: message} if field else message)


def _locked(recommendation: Recommendation) -> Recommendation:
    """The recommendation locked (its row only: the outcome, session and meeting are only read)."""
    return (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("outcome__session__meeting")
        .get(pk=recommendation.pk)
    )


def _check_followed_up_in(recommendation: Recommendation, meeting: Meeting) -> None:
    """A published recommendation, followed up in its own meeting or a later one."""
    _require(
        recommendation.is_published,
        _("This recommendation is not published: it cannot be followed up until its outcome is published."),
    )
    _require(
        recommendation.outcome.session.meeting.number <= meeting.number,
        _("%(meeting)s comes before this recommendation: it can be followed up only in a later meeting.")
        % {"meeting": meeting.title},
    )


def _record_status(
    *, recommendation: Recommendation, status: str, note: str, meeting: Meeting, actor, report=None
) -> StatusChange:
    now = timezone.now()
    change = StatusChange.objects.create(
        recommendation=recommendation,
        status=status,
        note=note,
        meeting=meeting,
        report=report,
        changed_by=actor,
        changed_at=now,
    )
    previous = recommendation.status
    recommendation.status = status
    recommendation.status_changed_at = now
    recommendation.save(update_fields=["status", "status_changed_at", "updated_at"])
    activity_log(
        actor=actor,
        action="followup.recommendation.status_changed",
        obj=recommendation,
        meeting=meeting,
        data={"from": previous, "to": status, "report": report.pk if report else None},
    )
    return change


@transaction.atomic
def recommendation_status_set(
    recommendation: Recommendation, status: str, note: str, meeting: Meeting, actor, report=None
) -> StatusChange:
    """The Chair's office of `meeting` sets the recommendation's status in that meeting's follow-up: any
    status (superseded, or back from implemented, are theirs to decide), with a note saying why."""
    if actor is None or not actor.has_perm(REVIEW_FOLLOWUP, meeting):
        raise PermissionDenied
    recommendation = _locked(recommendation)
    ensure_open(meeting, actor)
    _check_followed_up_in(recommendation, meeting)
    _require(status in Status.values, _("Choose one of the statuses."), "status")
    note = printable(note or "").strip()
    _require(len(note) <= MAX_NOTE, _("Keep the note under %(count)s characters.") % {"count": MAX_NOTE}, "note")
    _require(
        status != recommendation.status or bool(note),
        _("The recommendation is already “%(status)s”: choose another status, or write a note.")
        % {"status": Status(status).label},
        "status",
    )
    return _record_status(
        recommendation=recommendation, status=status, note=note, meeting=meeting, actor=actor, report=report
    )


def _moves_forward(current: str, reported: str) -> bool:
    if current not in FORWARD or reported not in FORWARD:
        return False
    return FORWARD.index(reported) > FORWARD.index(current)


def _inspect_attachments(files) -> list:
    files = [file for file in files or () if file]
    _require(
        len(files) <= MAX_ATTACHMENTS,
        _("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS},
        "attachments",
    )
    return [(file, inspect_upload(file, field="attachments")) for file in files]


def _store_attachments(report: FollowUpReport, inspected: list, actor) -> list[ReportAttachment]:
    """Write the checked files under generated names, as papers store theirs; if anything fails, the
    files already written are deleted again (the transaction takes the rows back)."""
    stored: list[ReportAttachment] = []
    try:
        for file, document in inspected:
            attachment = ReportAttachment(
                report=report,
                file_format=document.file_format,
                size=document.size,
                sha256=document.sha256,
                original_name=clean_original_name(getattr(file, "name", "")),
                uploaded_by=actor,
            )
            file.seek(0)
            attachment.file.save(storage_name(FILE_FORMATS[document.file_format][1]), file, save=False)
            stored.append(attachment)
            attachment.save()
    except BaseException:
        for attachment in stored:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return stored


def _notify_report(report: FollowUpReport) -> None:
    """The Chair's office of the report's meeting: a delegation reported on a recommendation."""
    recommendation = report.recommendation
    url = settings.SITE_URL + reverse("followup:report_list", args=[recommendation.identifier])

    def context(person) -> dict:  # called in each person's language
        return {
            "recommendation": recommendation.identifier,
            "delegation": report.delegation.display_name,
            "status": Status(report.status).label,
            "meeting": report.meeting.title,
            "url": url,
        }

    send_to_people("followup.report_filed", meeting_chair_staff(report.meeting), context=context)


def followup_report_file(
    *,
    recommendation: Recommendation,
    delegation: Delegation,
    meeting: Meeting,
    status: str,
    text: str,
    language: str,
    actor,
    files=(),
) -> FollowUpReport:
    """A focal point of `delegation` in `meeting` files its follow-up report on a published
    recommendation. The report is public once filed. It moves the recommendation's status forward
    (proposed, taken up, in progress, implemented) when it reports further than the status stands,
    never back and never out of superseded."""
    # Who first, before any input is looked at: a focal point of another delegation is refused.
    if actor is None or not actor.has_perm(FILE_REPORT, InMeeting.of(delegation, meeting)):
        raise PermissionDenied
    text = printable(text or "").strip()
    errors = {}
    if status not in REPORTABLE:
        errors["status"] = _("Choose what your government has done: taken up, in progress or implemented.")
    if not text:
        errors["text"] = _("Write what your government has done.")
    elif len(text) > MAX_TEXT:
        errors["text"] = _("Keep the report under %(count)s characters.") % {"count": MAX_TEXT}
    if language not in languages.CODES:
        errors["language"] = _("Choose one of the Forum's working languages.")
    if errors:
        raise ValidationError(errors)
    inspected = _inspect_attachments(files)
    with transaction.atomic():
        recommendation = _locked(recommendation)
        ensure_open(meeting, actor)
        # Read again in the transaction: the role may have been revoked since the request began.
        if not holds_focal_point_role(actor, delegation, meeting):
            raise PermissionDenied
        _check_followed_up_in(recommendation, meeting)
        report = FollowUpReport.objects.create(
            recommendation=recommendation,
            delegation=delegation,
            meeting=meeting,
            status=status,
            text=text,
            language=language,
            submitted_by=actor,
            submitted_at=timezone.now(),
        )
        attachments = _store_attachments(report, inspected, actor)
        activity_log(
            actor=actor,
            action="followup.report.filed",
            obj=recommendation,
            meeting=meeting,
            data={"report": report.pk, "delegation": delegation.pk, "status": status, "attachments": len(attachments)},
        )
        if _moves_forward(recommendation.status, status):
            _record_status(
                recommendation=recommendation, status=status, note="", meeting=meeting, actor=actor, report=report
            )
        _notify_report(report)
    return report


# -- The follow-up survey -----------------------------------------------------------------------------


def _in_each_language(message) -> dict[str, str]:
    """A text of ours (a gettext_noop message, or a lazy label) in each working language; a language whose
    catalogue does not translate it yet is left empty, so its readers get the English text as for any
    untranslated survey text."""
    texts = {}
    for code in languages.CODES:
        with translation.override(code):
            texts[code] = _(message) if isinstance(message, str) else str(message)
    return {code: text for code, text in texts.items() if code == languages.DEFAULT or text != texts[languages.DEFAULT]}


def followup_survey_create(*, meeting: Meeting, recommendations, actor):
    """A follow-up survey of `meeting`, not yet open and with no invitation: per recommendation a section
    naming it, "Status in your country" (a choice of the statuses) and "What has been done". The Chair's
    office reviews it and then invites the focal points through the survey's own invitation page, whose
    mails wait in the outbox: nothing is sent from here."""
    if actor is None or not actor.has_perm(REVIEW_FOLLOWUP, meeting):
        raise PermissionDenied
    ids = list(dict.fromkeys(getattr(r, "pk", r) for r in recommendations))
    _require(bool(ids), _("Choose at least one recommendation."), "recommendations")
    _require(
        len(ids) <= MAX_SURVEY_RECOMMENDATIONS,
        _("Choose at most %(count)s recommendations for one survey.") % {"count": MAX_SURVEY_RECOMMENDATIONS},
        "recommendations",
    )
    with transaction.atomic():
        ensure_open(meeting, actor)
        chosen = list(
            Recommendation.objects.published()
            .filter(pk__in=ids, outcome__session__meeting__number__lte=meeting.number)
            .select_related("outcome__session__meeting")
            .order_by("outcome__session__meeting__number", "outcome__session__code", "number")
        )
        _require(
            len(chosen) == len(ids),
            _("Only published recommendations of this meeting and the earlier ones can be asked about."),
            "recommendations",
        )
        opens_at = timezone.now() + dt.timedelta(days=7)
        survey = survey_create(
            meeting=meeting,
            title=_in_each_language(gettext_noop("Follow-up of the Forum's recommendations")),
            introduction=_in_each_language(
                gettext_noop(
                    "What has your government done about these recommendations of the Forum? For each one, "
                    "tell us its status in your country and what has been done. Focal points answer for "
                    "their delegation."
                )
            ),
            opens_at=opens_at,
            closes_at=opens_at + dt.timedelta(days=28),
            anonymous=False,
            actor=actor,
        )
        status_options = [_in_each_language(label) for label in Status.labels]
        for recommendation in chosen:
            section = section_save(
                survey=survey,
                section=None,
                title={languages.DEFAULT: recommendation.identifier},
                description={
                    code: getattr(recommendation, f"text_{code}") or ""
                    for code in languages.CODES
                    if getattr(recommendation, f"text_{code}")
                },
                actor=actor,
            )
            question_save(
                section=section,
                question=None,
                kind=Question.Kind.SINGLE,
                text=_in_each_language(gettext_noop("Status in your country")),
                help_text={},
                required=False,
                options=status_options,
                show_if_question=None,
                show_if_value="",
                actor=actor,
            )
            question_save(
                section=section,
                question=None,
                kind=Question.Kind.LONG_TEXT,
                text=_in_each_language(gettext_noop("What has been done")),
                help_text=_in_each_language(
                    gettext_noop("Policies, programmes, partnerships, laws or studies; add links where they help.")
                ),
                required=False,
                options=[],
                show_if_question=None,
                show_if_value="",
                actor=actor,
            )
        activity_log(
            actor=actor,
            action="followup.survey.created",
            obj=survey,
            meeting=meeting,
            data={"recommendations": [r.identifier for r in chosen]},
        )
    return survey
