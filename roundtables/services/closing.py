"""Closing a meeting's record, and the corrections the Chair's office makes on purpose afterwards.

A closed meeting is read-only everywhere: every service that writes a meeting's data calls
roundtables.editions.ensure_open first. Closing is deliberate and is not undone (there is no reopen):
a mistake found later is put right in a correction, a window the Chair's office opens with a reason
and ends when done; every write made meanwhile is logged with the correction's reason."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from roundtables.models import Meeting, MeetingCorrection
from roundtables.services._common import require_perm

CLOSE_MEETING = "roundtables.close_meeting"
CORRECT_MEETING = "roundtables.correct_meeting"


def close_refusal(meeting: Meeting, *, today: dt.date | None = None) -> str | None:
    """Why the meeting's record cannot be closed now, or None. The one check the page and the service share.

    Only a meeting that was held can be closed: its status says "held" or its last day is past. Never
    the current meeting, whatever its dates: it is the one the portal works on (registrations, papers,
    outcomes, surveys all default to it), so the chairmanship hands over first ("make current" on the
    next meeting) and closes the previous record afterwards. A meeting in preparation has nothing to close."""
    today = today or timezone.localdate()
    if meeting.is_closed:
        return _("%(meeting)s is already closed.") % {"meeting": meeting.title}
    if meeting.is_current:
        return _("%(meeting)s is the current meeting: make the next meeting current before closing this one.") % {
            "meeting": meeting.title
        }
    if meeting.status == Meeting.Status.PLANNING or not (
        meeting.status == Meeting.Status.HELD or meeting.end_date < today
    ):
        return _("%(meeting)s has not been held yet: only a past meeting can be closed.") % {"meeting": meeting.title}
    return None


def _locked(meeting: Meeting) -> Meeting:
    """The meeting's row, locked: a closing and the writes it refuses go one after the other."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def meeting_close(*, meeting: Meeting, actor) -> Meeting:
    """Close the meeting's record: from now on every service refuses to change its data."""
    require_perm(actor, CLOSE_MEETING, meeting)
    locked = _locked(meeting)
    refusal = close_refusal(locked)
    if refusal:
        raise ValidationError(refusal, code="cannot_close")
    locked.closed_at = timezone.now()
    locked.closed_by = actor
    locked.save(update_fields=["closed_at", "closed_by"])
    meeting.closed_at, meeting.closed_by = locked.closed_at, locked.closed_by
    activity_log(actor=actor, action="roundtables.meeting.closed", obj=meeting, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_correction_open(*, meeting: Meeting, actor, reason: str) -> MeetingCorrection:
    """Open a correction on a closed meeting, with the reason for it (required)."""
    require_perm(actor, CORRECT_MEETING, meeting)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the closed record needs a correction.")}, code="required")
    locked = _locked(meeting)
    if not locked.is_closed:
        raise ValidationError(
            _("%(meeting)s is not closed: its record can be changed without a correction.")
            % {"meeting": meeting.title},
            code="not_closed",
        )
    if MeetingCorrection.objects.open().filter(meeting=locked).exists():
        raise ValidationError(_("A correction of %(meeting)s is already open.") % {"meeting": meeting.title})
    try:
        with transaction.atomic():  # the constraint catches a second correction opened meanwhile
            correction = MeetingCorrection.objects.create(
                meeting=locked, reason=reason, opened_by=actor, opened_at=timezone.now()
            )
    except IntegrityError as exc:
        raise ValidationError(_("A correction of %(meeting)s is already open.") % {"meeting": meeting.title}) from exc
    activity_log(
        actor=actor,
        action="roundtables.correction.opened",
        obj=meeting,
        meeting=locked,
        data={"correction": {"id": correction.pk, "reason": reason}},
    )
    return correction


@transaction.atomic
def meeting_correction_end(*, correction: MeetingCorrection, actor) -> MeetingCorrection:
    """End the correction: the meeting is read-only again."""
    require_perm(actor, CORRECT_MEETING, correction.meeting)
    locked = MeetingCorrection.objects.select_for_update().select_related("meeting").get(pk=correction.pk)
    if not locked.is_open:
        raise ValidationError(_("This correction has already ended."), code="ended")
    locked.ended_at = timezone.now()
    locked.ended_by = actor
    locked.save(update_fields=["ended_at", "ended_by"])
    activity_log(
        actor=actor,
        action="roundtables.correction.ended",
        obj=locked.meeting,
        meeting=locked.meeting,
        data={"correction": {"id": locked.pk, "reason": locked.reason}},
    )
    return locked
