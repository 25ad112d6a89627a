"""checkin: demo. Mexico's registration desk (checkin@example.org, named check-in staff of 2010 by the
Chair's office) and a few arrivals on 8 and 9 November 2010, recorded through the door's service as if
scanned then (its `now`). Safe to run again: a badge scanned twice the same day is one check-in."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from accounts.models import User
from delegations.badge_tokens import badge_token
from delegations.models import Registration
from mailings.services import suppressed
from roundtables.models import Meeting, MeetingRole
from roundtables.services import meeting_role_name

MEXICO = 4
CHECKIN = "checkin@example.org"
CHAIR = "chair@example.org"
# (day of November 2010, hour, minute, how many of the approved participants came that morning)
ARRIVALS = [(8, 8, 40, 12), (9, 8, 55, 8)]


def load_checkin_demo() -> None:
    meeting = Meeting.objects.filter(number=MEXICO).first()
    staff = User.objects.filter(email=CHECKIN).first()
    chair = User.objects.filter(email=CHAIR).first()
    if meeting is None or staff is None or chair is None or meeting.is_closed:
        return
    from logistics.services.checkin import checkin_scan

    with suppressed("demo"):
        if (
            not MeetingRole.objects.active()
            .filter(meeting=meeting, user=staff, role=MeetingRole.Role.CHECKIN_STAFF)
            .exists()
        ):
            meeting_role_name(meeting=meeting, user=staff, role=MeetingRole.Role.CHECKIN_STAFF, actor=chair)
        staff = User.objects.get(pk=staff.pk)  # its rules read afresh
        zone = ZoneInfo(meeting.time_zone or "America/Mexico_City")
        registrations = list(
            Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED).order_by("pk")
        )
        for day, hour, minute, count in ARRIVALS:
            start = dt.datetime(2010, 11, day, hour, minute, tzinfo=zone)
            for index, registration in enumerate(registrations[:count]):
                moment = start + dt.timedelta(minutes=2 * index)
                checkin_scan(
                    meeting=meeting,
                    actor=staff,
                    value=badge_token(registration.pk, registration.badge_serial),
                    scan_id=uuid.uuid5(uuid.NAMESPACE_URL, f"gfmd-demo-checkin-{registration.pk}-{day}"),
                    scanned_at=moment,
                    now=moment,
                )
