"""The public list of participants and the civil-society list come in pages, counted by the database."""

import pytest
from django.urls import reverse

from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from delegations.views import lists
from gfmd.tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _listed(meeting, count: int) -> None:
    for _ in range(count):
        RegistrationFactory(
            meeting=meeting, delegation=DelegationFactory(), status="approved", public_list_consent=True
        )


def test_participants_come_in_pages_with_the_totals_of_the_whole_list(client, open_meeting, monkeypatch):
    monkeypatch.setattr(lists, "PARTICIPANTS_PER_PAGE", 2)
    _listed(open_meeting, 3)
    first = client.get(reverse("delegations:participants"))
    assert len(first.context["participants"]) == 2
    page = first.content.decode()
    assert "3 participants listed" in page and "3 delegations" in page
    assert "Page 1 of 2" in page
    second = client.get(reverse("delegations:participants") + "?page=2")
    assert len(second.context["participants"]) == 1


def test_participants_page_costs_the_same_queries_for_1_and_3(client, open_meeting):
    _listed(open_meeting, 1)
    one = count_queries(client, reverse("delegations:participants"))
    _listed(open_meeting, 2)
    assert count_queries(client, reverse("delegations:participants")) == one


def test_civil_society_list_comes_in_pages(client, chair, open_meeting, monkeypatch):
    from django.core import paginator

    for _ in range(3):
        OrganisationFactory(kind="civil_society")
    client.force_login(chair)
    one = count_queries(client, reverse("delegations:civil_society"))
    OrganisationFactory(kind="civil_society")
    assert count_queries(client, reverse("delegations:civil_society")) == one
    response = client.get(reverse("delegations:civil_society"))
    assert isinstance(response.context["page"], paginator.Page)
