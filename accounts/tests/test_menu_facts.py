"""The menu's facts are read with a query compiled once per process (accounts.selectors): it must answer,
for every person, exactly what the query built afresh for that person answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import selectors
from accounts.models import User


@pytest.mark.django_db(transaction=True)
def test_the_compiled_query_answers_what_a_fresh_one_does_for_every_demo_person(demo):
    people = list(User.objects.order_by("pk"))
    assert len(people) > 10

    for person in people:
        assert selectors._menu_facts(person) == selectors._facts_query(person).get(), person.email


@pytest.mark.django_db
def test_the_facts_are_one_query_and_the_stand_in_never_matches_a_row(chair, meeting):
    with CaptureQueriesContext(connection) as queries:
        facts = selectors._menu_facts(chair)

    assert len(queries) == 1
    assert str(selectors._STAND_IN_ID) not in queries[0]["sql"]
    assert facts["chair_staff"] is True  # read as a boolean on SQLite (0/1) as on PostgreSQL


@pytest.mark.django_db
def test_a_person_who_no_longer_exists_is_refused():
    with pytest.raises(User.DoesNotExist):
        selectors._menu_facts(User(pk=987_654))
