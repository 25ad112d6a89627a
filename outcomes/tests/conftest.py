import pytest

from outcomes.services import outcome_start
from outcomes.tests.factories import co_chair_focal_point, rapporteur_of
from roundtables.tests.factories import SessionFactory


@pytest.fixture
def session(meeting):
    from roundtables.tests.factories import RoundtableFactory

    return SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="1.1")


@pytest.fixture
def rapporteur(session):
    return rapporteur_of(session)


@pytest.fixture
def co_chairs(session):
    """Mexico and Spain co-chair the session; each has a focal point who signs off."""
    return [co_chair_focal_point(session, "MX"), co_chair_focal_point(session, "ES")]


@pytest.fixture
def outcome(session, rapporteur):
    return outcome_start(session=session, actor=rapporteur)
