"""What the roundtables views share: the Chair's office guard, finding the meeting, its time zone."""

from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.utils import timezone
from rules.contrib.views import permission_required

from roundtables.editions import meeting_or_404  # noqa: F401  (the views' import)
from roundtables.models import Meeting

chair_required = permission_required("roundtables.manage_meeting", raise_exception=True)


@contextmanager
def meeting_time(meeting: Meeting | None):
    """Read and show times in the meeting's time zone (the host city's clock)."""
    if meeting is None:
        yield
        return
    with timezone.override(ZoneInfo(meeting.time_zone)):
        yield
