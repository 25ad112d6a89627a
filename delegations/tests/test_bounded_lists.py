"""The public list of participants and the civil-society list come in pages, counted by the database."""

import pytest
from django.urls import reverse

from accounts.tests.factories import CivilSocietyCoordinatorFactory
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from delegations.views import lists, manage, membership
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
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


# Every list in pages: the same queries for one page of rows as for three, and the filters kept by
# the link to page 2 (gfmd.tests.paging). The pages are made two rows long.


def _organisations_registered(meeting, count: int, **registration) -> None:
    for _ in range(count):
        RegistrationFactory(meeting=meeting, delegation=OrganisationFactory(), **registration)


def test_registrations_list_pages_cost_the_same_and_keep_the_filters(client, chair, open_meeting, monkeypatch):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    client.force_login(chair)
    url = reverse("delegations:registrations") + "?status=pending&delegation_name=organisation"
    assert_pages_cost_the_same(client, url, lambda n: _organisations_registered(open_meeting, n), per_page=2)
    assert page_link(client.get(url)) == {"status": ["pending"], "delegation_name": ["organisation"], "page": ["2"]}


def test_focal_points_registrations_list_pages_cost_the_same(
    client, open_meeting, mexico, focal_point_mexico, monkeypatch
):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    client.force_login(focal_point_mexico)
    url = reverse("delegations:registrations") + "?q=a"
    assert_pages_cost_the_same(
        client,
        url,
        lambda n: RegistrationFactory.create_batch(n, meeting=open_meeting, delegation=mexico, job_title="Adviser"),
        per_page=2,
    )
    assert page_link(client.get(url)) == {"q": ["a"], "page": ["2"]}


def test_registrations_delegation_filter_is_typed_not_offered(client, chair, open_meeting, mexico, ghana):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__last_name="Castillo")
    RegistrationFactory(meeting=open_meeting, delegation=ghana, person__last_name="Okafor")
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations"))
    page = response.content.decode()
    # No option per delegation: the list of delegations grows with the Forum.
    assert f'<option value="{mexico.pk}"' not in page
    assert 'name="delegation_name"' in page
    by_name = client.get(reverse("delegations:registrations"), {"delegation_name": "ghan"})
    assert [r.person.last_name for r in by_name.context["page"]] == ["Okafor"]


def test_registrations_delegation_filter_reads_a_country_in_the_readers_language(
    client, chair, open_meeting, mexico, ghana
):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__last_name="Castillo")
    RegistrationFactory(meeting=open_meeting, delegation=ghana, person__last_name="Okafor")
    chair.preferred_language = "fr"
    chair.save(update_fields=["preferred_language"])
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations"), {"delegation_name": "Mexique"})
    assert [r.person.last_name for r in response.context["page"]] == ["Castillo"]


def test_registrations_chosen_delegation_is_named_with_a_way_back_to_all(client, chair, open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__last_name="Castillo")
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations"), {"delegation": mexico.pk, "status": "pending"})
    page = response.content.decode()
    assert response.context["chosen_delegation"] == mexico
    assert f'<input type="hidden" name="delegation" value="{mexico.pk}"' in page
    assert 'href="?status=pending">Show every delegation</a>' in page


def test_participants_pages_cost_the_same_and_link_to_page_2(client, open_meeting, monkeypatch):
    monkeypatch.setattr(lists, "PARTICIPANTS_PER_PAGE", 2)
    url = reverse("delegations:participants")
    assert_pages_cost_the_same(client, url, lambda n: _listed(open_meeting, n), per_page=2)
    assert page_link(client.get(url)) == {"page": ["2"]}  # the list has no filter to keep


def test_delegation_index_pages_cost_the_same_and_keep_the_filters(client, chair, open_meeting, monkeypatch):
    monkeypatch.setattr(manage, "DELEGATIONS_PER_PAGE", 2)
    client.force_login(chair)
    url = reverse("delegations:index") + "?kind=observer&q=organisation&status=all"
    assert_pages_cost_the_same(client, url, lambda n: _organisations_registered(open_meeting, n), per_page=2)
    assert page_link(client.get(url)) == {"kind": ["observer"], "q": ["organisation"], "status": ["all"], "page": ["2"]}


def test_civil_society_pages_cost_the_same_and_link_to_page_2(client, open_meeting, monkeypatch):
    monkeypatch.setattr(manage, "DELEGATIONS_PER_PAGE", 2)
    client.force_login(CivilSocietyCoordinatorFactory())
    url = reverse("delegations:civil_society")

    def add(count):
        for _ in range(count):
            OrganisationFactory(kind="civil_society")

    assert_pages_cost_the_same(client, url, add, per_page=2)
    assert page_link(client.get(url)) == {"page": ["2"]}  # the list has no filter to keep


def test_delegation_page_registrations_cost_the_same_for_1_and_3_pages(
    client, open_meeting, mexico, focal_point_mexico, monkeypatch
):
    monkeypatch.setattr(manage, "REGISTRATIONS_PER_PAGE", 2)
    client.force_login(focal_point_mexico)
    url = reverse("delegations:detail", kwargs={"pk": mexico.pk})
    assert_pages_cost_the_same(
        client, url, lambda n: RegistrationFactory.create_batch(n, meeting=open_meeting, delegation=mexico), per_page=2
    )
    response = client.get(url)
    assert page_link(response) == {"page": ["2"]}  # the page has no filter to keep
    # The counts are the whole list's, not the page's.
    assert response.context["pending_count"] == 6
    assert len(response.context["registrations"]) == 2


def test_meeting_membership_pages_cost_the_same_and_keep_the_search(client, chair, open_meeting, monkeypatch):
    monkeypatch.setattr(membership, "PAGE_SIZE", 2)
    client.force_login(chair)
    url = reverse("delegations:meeting_membership", kwargs={"number": open_meeting.number}) + "?q=organisation"
    assert_pages_cost_the_same(client, url, lambda n: _organisations_registered(open_meeting, n), per_page=2)
    assert page_link(client.get(url)) == {"q": ["organisation"], "page": ["2"]}
