"""The tracker's test data (part "tracker"): Athens 2009 and Mexico 2010, and published recommendations."""

import datetime as dt

from django.utils import timezone

from followup.tests.factories import RecommendationFactory
from outcomes.tests.factories import OutcomeFactory
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


def athens() -> Meeting:
    return MeetingFactory(
        number=3,
        title_en="Third Meeting of the GFMD, Athens 2009",
        city="Athens",
        host_country="GR",
        start_date=dt.date(2009, 11, 4),
        end_date=dt.date(2009, 11, 5),
        status=Meeting.Status.HELD,
    )


def mexico() -> Meeting:
    return MeetingFactory(
        number=4, title_en="Fourth Meeting of the GFMD, Mexico 2010", is_current=True, status=Meeting.Status.OPEN
    )


def session_of(meeting: Meeting, code: str, title: str = ""):
    roundtable = meeting.roundtables.first() or RoundtableFactory(meeting=meeting, number=3)
    return SessionFactory(roundtable=roundtable, code=code, title_en=title or f"Session {code} of {meeting.number}")


def outcome_of(session, **kwargs):
    return OutcomeFactory(session=session, with_sections=False, **kwargs)


def published(outcome, *, themes=(), **kwargs):
    """A recommendation of the outcome, published."""
    recommendation = RecommendationFactory(outcome=outcome, published_at=timezone.now(), **kwargs)
    if themes:
        recommendation.themes.set(themes)
    return recommendation
