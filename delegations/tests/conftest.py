"""Fixtures of the delegations tests: an open meeting with sessions, and two states with their
focal points (Mexico and Ghana), so that every test can probe the other delegation too."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, make_focal_point, make_membership
from roundtables.models import Meeting, Session
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


@pytest.fixture
def open_meeting(db):
    return MeetingFactory(
        is_current=True, status=Meeting.Status.OPEN, title_en="Fourth Meeting", title_fr="Quatrième réunion"
    )


@pytest.fixture
def sessions(open_meeting):
    """Sessions 1.1 and 2.1 (parallel roundtable sessions) and the heads-only special session FF."""
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=30)
    rt1 = RoundtableFactory(meeting=open_meeting, number=1, title_en="Partnerships")
    rt2 = RoundtableFactory(meeting=open_meeting, number=2, title_en="Human mobility")
    return {
        "1.1": SessionFactory(roundtable=rt1, code="1.1", title_en="Circular migration", capacity=150, starts_at=start),
        "2.1": SessionFactory(roundtable=rt2, code="2.1", title_en="Migrants' rights", capacity=150, starts_at=start),
        "FF": SessionFactory(
            meeting=open_meeting,
            roundtable=None,
            code="FF",
            title_en="Special session on the Future of the Forum",
            kind=Session.Kind.SPECIAL,
            heads_only=True,
            capacity=None,
            starts_at=start + dt.timedelta(days=1),
        ),
    }


@pytest.fixture
def sessions_apart(sessions):
    """The same sessions with 2.1 moved to the afternoon, so that one person may choose 1.1 and 2.1."""
    later = sessions["2.1"]
    later.starts_at += dt.timedelta(hours=4)
    later.ends_at += dt.timedelta(hours=4)
    later.save()
    return sessions


@pytest.fixture
def mexico(db):
    return DelegationFactory(country="MX", name="Mexico", region="americas")


@pytest.fixture
def ghana(db):
    return DelegationFactory(country="GH", name="Ghana", region="africa")


@pytest.fixture
def focal_point_mexico(mexico, open_meeting):
    """Mexico's focal point for the open (current) meeting, a Steering Group member in it."""
    user = UserFactory(first_name="Javier", last_name="Herrera")
    make_focal_point(user, mexico, open_meeting)
    make_membership(mexico, open_meeting, steering_group=True)
    return user


@pytest.fixture
def focal_point_ghana(ghana, open_meeting):
    user = UserFactory(first_name="Kwame", last_name="Mensah")
    make_focal_point(user, ghana, open_meeting)
    return user
