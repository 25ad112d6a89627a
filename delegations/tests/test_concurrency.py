"""Many people register at the same moment: the database decides who gets the last seat, the
last place of a quota, or the head of delegation's role. Each thread has its own connection
(on PostgreSQL: row locks; on SQLite: BEGIN IMMEDIATE transactions)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.tests.factories import UserFactory
from delegations import services
from delegations.models import Registration, SessionChoice
from delegations.tests.factories import DelegationQuotaFactory, OrganisationFactory, RegistrationFactory
from roundtables.tests.factories import RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 20


def run_at_once(calls) -> list:
    """Start every call at the same moment, each in its own thread and database connection;
    return "ok" or the refusal's messages for each."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            results[index] = "ok"
        except ValidationError as exc:
            results[index] = exc.messages
        except Exception as exc:  # an unexpected error is a failure of the test, shown as such
            results[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_twenty_registrations_for_the_last_seat_exactly_one_succeeds(open_meeting):
    session = SessionFactory(roundtable=RoundtableFactory(meeting=open_meeting), code="1.1", capacity=3)
    RegistrationFactory.create_batch(2, meeting=open_meeting, sessions=[session])
    # Each person registers with their own delegation: only the session's row lock stands
    # between them (not the delegation's).
    people = [(UserFactory(), OrganisationFactory()) for _ in range(THREADS)]

    results = run_at_once(
        [
            lambda person=person, delegation=delegation: services.registration_create(
                person=person, meeting=open_meeting, delegation=delegation, role="delegate", sessions=[session]
            )
            for person, delegation in people
        ]
    )

    assert results.count("ok") == 1
    full = ["Session 1.1 is full: all its 3 seats are taken. Choose another session."]
    assert [result for result in results if result != "ok"] == [full] * (THREADS - 1)
    assert SessionChoice.objects.filter(session=session).count() == 3
    assert Registration.objects.filter(meeting=open_meeting).count() == 3


def test_twenty_heads_for_one_delegation_exactly_one_succeeds(open_meeting, mexico):
    people = UserFactory.create_batch(THREADS)

    results = run_at_once(
        [
            lambda person=person: services.registration_create(
                person=person, meeting=open_meeting, delegation=mexico, role="head", sessions=[]
            )
            for person in people
        ]
    )

    assert results.count("ok") == 1
    assert [r for r in results if r != "ok"] == [["Mexico already has a head of delegation for this meeting."]] * (
        THREADS - 1
    )
    assert Registration.objects.filter(delegation=mexico, role="head").count() == 1


def test_twenty_registrations_for_the_last_place_of_a_quota_exactly_one_succeeds(open_meeting, mexico):
    DelegationQuotaFactory(meeting=open_meeting, delegation=mexico, places=4)
    RegistrationFactory.create_batch(3, meeting=open_meeting, delegation=mexico)
    people = UserFactory.create_batch(THREADS)

    results = run_at_once(
        [
            lambda person=person: services.registration_create(
                person=person, meeting=open_meeting, delegation=mexico, role="delegate", sessions=[]
            )
            for person in people
        ]
    )

    assert results.count("ok") == 1
    assert Registration.objects.filter(delegation=mexico).count() == 4
