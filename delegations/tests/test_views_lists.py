import pytest
from django.urls import reverse

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations.models import Delegation
from delegations.tests.factories import (
    DelegationFactory,
    DelegationQuotaFactory,
    OrganisationFactory,
    RegistrationFactory,
    make_membership,
)

pytestmark = pytest.mark.django_db

LIST = reverse("delegations:registrations")


@pytest.fixture
def spread(open_meeting, mexico, ghana, sessions):
    """Registrations across kinds, regions, statuses and sessions."""
    iom = OrganisationFactory(name="IOM", kind=Delegation.Kind.OBSERVER)
    make_membership(iom, open_meeting, friends_of_the_forum=True)
    make_membership(mexico, open_meeting, steering_group=True)
    mfa = OrganisationFactory(name="Migrant Forum in Asia", kind=Delegation.Kind.CIVIL_SOCIETY)
    return {
        "mx": RegistrationFactory(
            meeting=open_meeting, delegation=mexico, person__last_name="Castillo", sessions=[sessions["1.1"]]
        ),
        "gh": RegistrationFactory(
            meeting=open_meeting,
            delegation=ghana,
            person__last_name="Okafor",
            status="approved",
            job_title="Senior Policy Adviser",
            sessions=[sessions["2.1"]],
        ),
        "iom": RegistrationFactory(meeting=open_meeting, delegation=iom, person__last_name="Swing"),
        "mfa": RegistrationFactory(meeting=open_meeting, delegation=mfa, person__last_name="Asis", status="rejected"),
    }


def names(response) -> list[str]:
    return sorted(r.person.last_name for r in response.context["page"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Asis", "Castillo", "Okafor", "Swing"]),
        ({"status": "approved"}, ["Okafor"]),
        ({"kind": "observer"}, ["Swing"]),
        ({"region": "africa"}, ["Okafor"]),
        ({"steering_group": "true"}, ["Castillo"]),
        ({"steering_group": "false"}, ["Asis", "Okafor", "Swing"]),
        ({"friends_of_the_forum": "true"}, ["Swing"]),
        ({"q": "policy"}, ["Okafor"]),
        ({"q": "okaf"}, ["Okafor"]),
    ],
)
def test_chair_office_filters_registrations(client, chair, spread, query, expected):
    client.force_login(chair)
    assert names(client.get(LIST, query)) == expected


def test_chair_office_filters_by_session_and_delegation(client, chair, spread, sessions, ghana):
    client.force_login(chair)
    assert names(client.get(LIST, {"session": sessions["1.1"].pk})) == ["Castillo"]
    assert names(client.get(LIST, {"delegation": ghana.pk})) == ["Okafor"]


def test_list_refuses_participants_and_anonymous(client, open_meeting):
    assert client.get(LIST).status_code == 403
    client.force_login(UserFactory())
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("delegations:registrations_export", args=["csv"])).status_code == 403


def test_civil_society_coordinator_lists_only_civil_society(client, spread):
    client.force_login(CivilSocietyCoordinatorFactory())
    assert names(client.get(LIST)) == ["Asis"]


def test_list_orders_pending_first(client, chair, spread):
    client.force_login(chair)
    statuses = [r.status for r in client.get(LIST).context["page"]]
    assert statuses == ["pending", "pending", "approved", "rejected"]


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow(client, chair, open_meeting, sessions, django_assert_num_queries, count):
    for _ in range(count):
        RegistrationFactory(meeting=open_meeting, delegation=OrganisationFactory(), sessions=[sessions["1.1"]])
    client.force_login(chair)
    # session, user, groups, focal-point delegations, meeting, count, page of registrations,
    # their sessions, the filter's sessions (rendered in its select; delegations are typed, not offered)
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(10):
        response = client.get(LIST)
    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_focal_point_list_query_count_does_not_grow(
    client, open_meeting, mexico, focal_point_mexico, sessions, django_assert_num_queries, count
):
    RegistrationFactory.create_batch(count, meeting=open_meeting, delegation=mexico, sessions=[sessions["2.1"]])
    client.force_login(focal_point_mexico)
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(10):
        response = client.get(LIST)
    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_export_query_count_does_not_grow(client, chair, open_meeting, sessions, django_assert_num_queries, count):
    for _ in range(count):
        RegistrationFactory(meeting=open_meeting, delegation=OrganisationFactory(), sessions=[sessions["1.1"]])
    client.force_login(chair)
    # session, user, groups, focal-point delegations, meeting, registrations, their sessions: the
    # registrations and their sessions are read as the file is written (streamed), in chunks of 500
    with django_assert_num_queries(7):
        response = client.get(reverse("delegations:registrations_export", args=["csv"]))
        assert response.streaming
        assert len(response.getvalue().decode("utf-8-sig").splitlines()) == count + 1


# Public list of participants


def test_participants_lists_only_approved_who_consented_grouped_by_delegation(client, open_meeting, mexico, ghana):
    RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        status="approved",
        public_list_consent=True,
        role="head",
        person__first_name="Ana",
        person__last_name="Zamora",
    )
    RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        status="approved",
        public_list_consent=True,
        person__first_name="Luis",
        person__last_name="Acosta",
    )
    RegistrationFactory(
        meeting=open_meeting, delegation=ghana, status="approved", public_list_consent=False, person__last_name="Hidden"
    )
    RegistrationFactory(
        meeting=open_meeting, delegation=ghana, status="pending", public_list_consent=True, person__last_name="Waiting"
    )
    RegistrationFactory(
        meeting=open_meeting,
        delegation=ghana,
        status="approved",
        public_list_consent=True,
        person__first_name="Kofi",
        person__last_name="Boateng",
    )
    response = client.get(reverse("delegations:participants"))
    listed = [(r.delegation.name, r.person.last_name) for r in response.context["participants"]]
    assert listed == [("Ghana", "Boateng"), ("Mexico", "Zamora"), ("Mexico", "Acosta")]
    page = response.content.decode()
    assert "Hidden" not in page
    assert "Waiting" not in page
    assert "@example.org" not in page  # no e-mail address is published


@pytest.mark.parametrize("count", [1, 3])
def test_participants_query_count_does_not_grow(client, open_meeting, django_assert_num_queries, count):
    for _ in range(count):
        RegistrationFactory(
            meeting=open_meeting, delegation=OrganisationFactory(), status="approved", public_list_consent=True
        )
    with django_assert_num_queries(4):  # meeting, the count of participants and of delegations, a page
        response = client.get(reverse("delegations:participants"))
    assert len(response.context["participants"]) == count


# The Chair's office's list of delegations, the civil-society list


def test_delegation_index_counts_and_quota(client, chair, open_meeting, mexico, ghana):
    RegistrationFactory.create_batch(2, meeting=open_meeting, delegation=mexico)
    RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")
    DelegationQuotaFactory(meeting=open_meeting, delegation=mexico, places=10)
    client.force_login(chair)
    response = client.get(reverse("delegations:index"), {"kind": "state"})
    rows = [(d.name, d.active_count, d.pending_count, d.quota_places) for d in response.context["page"]]
    assert rows == [("Ghana", 0, 0, None), ("Mexico", 2, 2, 10)]
    response = client.get(reverse("delegations:index"), {"q": "mex"})
    assert [d.name for d in response.context["page"]] == ["Mexico"]


def test_delegation_index_refuses_a_focal_point(client, focal_point_mexico):
    client.force_login(focal_point_mexico)
    assert client.get(reverse("delegations:index")).status_code == 403


@pytest.mark.parametrize("count", [1, 3])
def test_delegation_index_query_count_does_not_grow(client, chair, open_meeting, django_assert_num_queries, count):
    for code in ["MX", "GH", "PH"][:count]:
        RegistrationFactory(meeting=open_meeting, delegation=DelegationFactory(country=code))
    client.force_login(chair)
    # session, user, groups, focal-point delegations, meeting, count, page, the page's focal points
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(9):
        client.get(reverse("delegations:index"))


@pytest.mark.parametrize("count", [1, 3])
def test_civil_society_query_count_does_not_grow(client, open_meeting, django_assert_num_queries, count):
    for _ in range(count):
        RegistrationFactory(meeting=open_meeting, delegation=OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY))
    client.force_login(CivilSocietyCoordinatorFactory())
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(8):  # session, user, groups, focal-point delegations, meeting, count, a page
        client.get(reverse("delegations:civil_society"))
