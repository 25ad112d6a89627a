"""Meetings as editions: which meeting a page works on, who may read or change it, and the rule
that a closed meeting's record is read-only.

Every app's views resolve their meeting here (`meeting_or_404`, `chair_meeting_or_404`) and every
service that writes a meeting's data calls `ensure_open` first, inside its transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from roundtables.models import Meeting, MeetingCorrection

# Change a meeting's data (its structure, registrations, papers, surveys...).
MANAGE_MEETING = "roundtables.manage_meeting"
# Read a meeting's non-public records: its own Chair's office, and the troika's (see permissions).
VIEW_MEETING_RECORDS = "roundtables.view_meeting_records"
# Write to a closed meeting while a correction is open: the Chair's office (roundtables.permissions).
CORRECT_MEETING = "roundtables.correct_meeting"


class MeetingClosed(ValidationError):
    """A write to a closed meeting: its record is read-only. Views show the message as any other
    service error (next to the form, or as a page message)."""

    def __init__(self, meeting: Meeting):
        super().__init__(
            _("%(meeting)s is closed: its record is read-only.") % {"meeting": meeting.title},
            code="meeting_closed",
        )
        self.meeting = meeting


def meeting_or_404(number: int | None) -> Meeting:
    """The meeting named by its number in the URL, or the current one when the URL names none."""
    if number is None:
        meeting = Meeting.objects.current()
        if meeting is None:
            raise Http404("No meeting is current.")
        return meeting
    return get_object_or_404(Meeting, number=number)


def meeting_or_current(number: int | None) -> Meeting | None:
    """A personal page's meeting (my registration, my papers...): the one its URL names (404 if
    unknown), else the current one, or None when none is current and the page says so."""
    if number is None:
        return Meeting.objects.current()
    return get_object_or_404(Meeting, number=number)


def chair_meeting_or_404(user, number: int | None, *, perm: str = VIEW_MEETING_RECORDS) -> Meeting:
    """The meeting of a Chair's office page, refused (403) to anyone without `perm` on it."""
    meeting = meeting_or_404(number)
    if not user.has_perm(perm, meeting):
        raise PermissionDenied
    return meeting


def ensure_open(meeting: Meeting | None, actor=None) -> None:
    """Refuse a write to a closed meeting's record (MeetingClosed). Call it in every service that
    changes a meeting's data, first thing inside its transaction, before it changes anything.

    The meeting's closing is read afresh from the database (one query): the instance a view loaded
    may predate a closing made meanwhile, and a replayed form must meet today's state. While the Chair's
    office has a correction open on the closed meeting (MeetingCorrection), its own writes go through
    and the activity log marks each of them with the correction (see `correction_note`); anyone else
    is still refused."""
    if meeting is None:
        return
    closed_at = Meeting.objects.filter(pk=meeting.pk).values_list("closed_at", flat=True).first()
    meeting.closed_at = closed_at
    if closed_at is None:
        return
    correcting = (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.has_perm(CORRECT_MEETING, meeting)
        and MeetingCorrection.objects.open().filter(meeting_id=meeting.pk).exists()
    )
    if not correcting:
        raise MeetingClosed(meeting)


def open_correction(meeting: Meeting | None) -> MeetingCorrection | None:
    """The correction open on a closed meeting, if any (no query when the meeting is open)."""
    if meeting is None or getattr(meeting, "closed_at", None) is None:
        return None
    return MeetingCorrection.objects.open().filter(meeting_id=meeting.pk).select_related("opened_by").first()


def may_write(meeting: Meeting | None, user) -> bool:
    """Whether a page may offer `user` to change the meeting's data (edit buttons): an open meeting, or a
    closed one while the Chair's office corrects it. Only what is shown: ensure_open decides."""
    if meeting is None or not meeting.is_closed:
        return True
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.has_perm(CORRECT_MEETING, meeting)
        and open_correction(meeting) is not None
    )


def correction_note(meeting) -> dict:
    """What activity.services.activity_log adds to an entry written to a closed meeting during a
    correction: the correction and its reason, so the log tells a deliberate correction from the
    record as it was closed. Registered in RoundtablesConfig.ready() (activity sits below this app)."""
    correction = open_correction(meeting) if isinstance(meeting, Meeting) else None
    if correction is None:
        return {}
    return {"correction": {"id": correction.pk, "reason": correction.reason}}
