"""checkin: what the door page reads."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from delegations.models import Registration
from gfmd.timeranges import as_zone
from logistics.models import CheckIn
from roundtables.models import Meeting, Session

SUGGESTIONS = 10
MIN_TYPED = 2


def today_of(meeting: Meeting, now: dt.datetime | None = None) -> dt.date:
    return timezone.localtime(now or timezone.now(), as_zone(meeting.time_zone)).date()


def is_meeting_day(meeting: Meeting, now: dt.datetime | None = None) -> bool:
    return meeting.start_date <= today_of(meeting, now) <= meeting.end_date


def registrations_named(meeting: Meeting, typed: str):
    """At most 10 of the meeting's approved registrations whose person's name (or delegation) holds every
    typed word, by name: the door's suggestions as one types. One query."""
    words = [word for word in (typed or "").split()[:5] if word]
    if len("".join(words)) < MIN_TYPED:
        return Registration.objects.none()
    query = Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)
    for word in words:
        word = word[:60]
        query = query.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(delegation__name__icontains=word)
        )
    return query.select_related("person", "delegation").order_by("person__last_name", "person__first_name", "pk")[
        :SUGGESTIONS
    ]


def sessions_of_day(meeting: Meeting, day: dt.date):
    """The meeting's sessions that start on `day` (in the meeting's zone), in time order: a door's choice."""
    zone = as_zone(meeting.time_zone)
    start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    return (
        Session.objects.filter(meeting=meeting, starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1))
        .select_related("roundtable")
        .order_by("starts_at", "order", "code")
    )


def checked_in_today(meeting: Meeting, day: dt.date) -> int:
    return CheckIn.objects.filter(meeting=meeting, day=day).count()
