import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from accounts.tests.factories import UserFactory
from roundtables.tests.factories import RoomFactory, RoundtableFactory, SessionFactory

VALLARTA = ZoneInfo("America/Mexico_City")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time of the test meeting (8-11 November 2010), in the host city's zone."""
    return dt.datetime(2010, 11, day, hour, minute, tzinfo=VALLARTA)


@pytest.fixture
def meeting(db):
    from roundtables.tests.factories import MeetingFactory

    return MeetingFactory(is_current=True, number=4, time_zone="America/Mexico_City")


@pytest.fixture
def delegate(db):
    return UserFactory(first_name="Sofía", last_name="Castillo")


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


@pytest.fixture
def roundtable(meeting):
    return RoundtableFactory(meeting=meeting, number=3, title_en="Policy and institutional coherence")


@pytest.fixture
def room_c(meeting):
    return RoomFactory(meeting=meeting, name="Room C")


@pytest.fixture
def session_3_1(roundtable, room_c):
    return SessionFactory(
        roundtable=roundtable,
        code="3.1",
        title_en="Assessing the relationship between migration and development",
        room=room_c,
        starts_at=at(10, 11),
        ends_at=at(10, 13),
    )
