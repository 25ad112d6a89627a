"""Meetings as editions: which meeting a page works on, who may read or change it, and the rule
that a closed meeting's record is read-only.

Every app's views resolve their meeting here (`meeting_or_404`, `chair_meeting_or_404`) and every
service that writes a meeting's data calls `ensure_open` first, inside its transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from roundtables.models import Meeting

# Change a meeting's data (its structure, registrations, papers, surveys...).
MANAGE_MEETING = "roundtables.manage_meeting"
# Read a meeting's non-public records: its own Chair's office, and the troika's (see permissions).
VIEW_MEETING_RECORDS = "roundtables.view_meeting_records"


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
    changes a meeting's data, before it changes anything."""
    if meeting is not None and meeting.is_closed:
        raise MeetingClosed(meeting)
