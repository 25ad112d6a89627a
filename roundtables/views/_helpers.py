"""What the roundtables views share: the Chair's office guard, finding the meeting, its time zone."""

from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rules.contrib.views import permission_required

from roundtables.models import Meeting

chair_required = permission_required("roundtables.manage_meeting", raise_exception=True)


def meeting_or_404(number: int | None) -> Meeting:
    """The meeting named by its number in the URL, or the current one when the URL names none."""
    if number is None:
        meeting = Meeting.objects.current()
        if meeting is None:
            raise Http404("No meeting is current.")
        return meeting
    return get_object_or_404(Meeting, number=number)


@contextmanager
def meeting_time(meeting: Meeting | None):
    """Read and show times in the meeting's time zone (the host city's clock)."""
    if meeting is None:
        yield
        return
    with timezone.override(ZoneInfo(meeting.time_zone)):
        yield
