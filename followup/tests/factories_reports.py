"""The reports' test data: Athens 2009 (meeting 3, closed or not) with a published recommendation of its
session 3.1, Mexico 2010 (meeting 4, current) in whose follow-up it is reported, and focal points."""

import datetime as dt

from django.utils import timezone

from accounts.tests.factories import UserFactory, grant_chair_staff
from delegations.tests.factories import DelegationFactory, make_focal_point
from followup.tests.factories import RecommendationFactory
from outcomes.tests.factories import OutcomeFactory
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


def athens(**kwargs):
    return MeetingFactory(
        number=3, title_en="Athens 2009", start_date=dt.date(2009, 11, 2), end_date=dt.date(2009, 11, 5), **kwargs
    )


def mexico(**kwargs):
    kwargs.setdefault("is_current", True)
    return MeetingFactory(
        number=4, title_en="Mexico 2010", start_date=dt.date(2010, 11, 8), end_date=dt.date(2010, 11, 11), **kwargs
    )


def session_of(meeting, code: str = "3.1"):
    return SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code=code)


def recommendation_of(meeting, code: str = "3.1", *, published: bool = True, **kwargs):
    """A recommendation of the meeting's session `code` (its outcome made here), published unless told."""
    session = session_of(meeting, code)
    return RecommendationFactory(
        outcome=OutcomeFactory(session=session),
        number=kwargs.pop("number", 1),
        published_at=timezone.now() if published else None,
        **kwargs,
    )


def focal_point(country: str, meeting, **user):
    """A person made focal point of the state `country`'s delegation in `meeting`; returns (person, delegation)."""
    person = UserFactory(**user)
    delegation = DelegationFactory(country=country, name={"MX": "Mexico", "GH": "Ghana"}.get(country, country))
    make_focal_point(person, delegation, meeting)
    return person, delegation


def chair_staff_of(meeting):
    person = UserFactory()
    grant_chair_staff(person, [meeting])
    return person
