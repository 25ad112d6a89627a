"""Meetings as editions: "My GFMD" for another meeting than the current one, named in its URL."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from gfmd.tests.queries import count_queries
from roundtables.tests.factories import two_meetings


@pytest.fixture
def meetings(db):
    return two_meetings()


def test_the_numbered_board_is_that_meetings(client, meetings):
    _mexico, switzerland = meetings
    person = UserFactory()
    RegistrationFactory(meeting=switzerland, person=person, delegation=DelegationFactory(country="CH"))
    client.force_login(person)
    response = client.get(reverse("accounts:dashboard", kwargs={"number": 5}))
    board = response.context["board"]
    assert board.meeting == switzerland and board.registration.meeting == switzerland
    assert "Switzerland 2011" in response.content.decode()
    assert client.get(reverse("accounts:dashboard")).context["board"].registration is None


def test_the_board_links_each_registration_to_its_meeting(client, meetings):
    _mexico, switzerland = meetings
    person = UserFactory()
    RegistrationFactory(meeting=switzerland, person=person, delegation=DelegationFactory(country="CH"))
    client.force_login(person)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("delegations:my_registration", kwargs={"number": 5}) in page
    assert reverse("accounts:dashboard", kwargs={"number": 5}) in page


def test_an_unknown_meeting_is_404(client, meetings):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:dashboard", kwargs={"number": 99})).status_code == 404


def test_the_numbered_board_query_count_does_not_grow(client, meetings):
    mexico, switzerland = meetings
    person = UserFactory()
    RegistrationFactory(meeting=switzerland, person=person, delegation=DelegationFactory(country="CH"))
    client.force_login(person)
    url = reverse("accounts:dashboard", kwargs={"number": 5})
    one = count_queries(client, url)
    RegistrationFactory(meeting=mexico, person=person, delegation=DelegationFactory(country="CH"))
    assert count_queries(client, url) == one
