"""attendance: demo. The opening plenary's door on 9 November 2010 (a session door: attendance at that
session, for the proceedings' annex), recorded through the check-in service. Safe to run again."""

import datetime as dt
import uuid

from accounts.models import User
from delegations.badge_tokens import badge_token
from delegations.models import Registration
from gfmd.timeranges import as_zone
from mailings.services import suppressed
from roundtables.models import Meeting, Session

MEXICO = 4
CHECKIN = "checkin@example.org"


def load_attendance_demo() -> None:
    meeting = Meeting.objects.filter(number=MEXICO).first()
    staff = User.objects.filter(email=CHECKIN).first()
    if meeting is None or staff is None or meeting.is_closed:
        return
    zone = as_zone(meeting.time_zone)
    day_start = dt.datetime(2010, 11, 9, tzinfo=zone)
    session = (
        Session.objects.filter(
            meeting=meeting, starts_at__gte=day_start, starts_at__lt=day_start + dt.timedelta(days=1)
        )
        .order_by("starts_at", "order")
        .first()
    )
    if session is None:
        return
    from logistics.services.checkin import checkin_scan

    registrations = Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED).order_by("pk")
    with suppressed("demo"):
        for index, registration in enumerate(registrations[:6]):
            moment = session.starts_at - dt.timedelta(minutes=10) + dt.timedelta(minutes=index)
            checkin_scan(
                meeting=meeting,
                actor=staff,
                value=badge_token(registration.pk, registration.badge_serial),
                scan_id=uuid.uuid5(uuid.NAMESPACE_URL, f"gfmd-demo-session-{registration.pk}-{session.pk}"),
                scanned_at=moment,
                session=session,
                now=moment,
            )
