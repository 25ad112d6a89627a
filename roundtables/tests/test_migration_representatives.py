"""The data migration that ties existing co-chair's representatives to one co-chair government."""

import importlib

import pytest
from django.apps import apps

from delegations.tests.factories import DelegationFactory, RegistrationFactory
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db

backfill = importlib.import_module(
    "roundtables.migrations.0004_session_person_delegation"
).backfill_representative_delegations


@pytest.fixture
def session():
    session = SessionFactory()
    for country in ("MX", "ES"):
        SessionDelegationFactory(
            session=session, delegation=DelegationFactory(country=country), role=SessionDelegation.Role.CO_CHAIR
        )
    return session


def _representative(session, *, registered_with=None, status="approved"):
    person = SessionPersonFactory(session=session, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
    if registered_with is not None:
        RegistrationFactory(meeting=session.meeting, person=person.person, delegation=registered_with, status=status)
    return person


def test_backfill_picks_the_co_chair_of_the_approved_registration(session):
    spain = session.team_delegations.get(delegation__country="ES").delegation
    elena = _representative(session, registered_with=spain)
    backfill(apps, None)
    elena.refresh_from_db()
    assert elena.delegation == spain


def test_backfill_leaves_the_government_empty_when_it_cannot_tell(session):
    spain = session.team_delegations.get(delegation__country="ES").delegation
    pending = _representative(session, registered_with=spain, status="pending")
    withdrawn = _representative(session, registered_with=spain, status="withdrawn")
    unregistered = _representative(session)
    elsewhere = _representative(session, registered_with=DelegationFactory(country="GH"))
    backfill(apps, None)
    assert list(
        SessionPerson.objects.filter(pk__in=[p.pk for p in (pending, withdrawn, unregistered, elsewhere)]).values_list(
            "delegation", flat=True
        )
    ) == [None, None, None, None]


def test_backfill_touches_no_other_role(session):
    spain = session.team_delegations.get(delegation__country="ES").delegation
    rapporteur = SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR)
    RegistrationFactory(meeting=session.meeting, person=rapporteur.person, delegation=spain, status="approved")
    backfill(apps, None)
    rapporteur.refresh_from_db()
    assert rapporteur.delegation is None
