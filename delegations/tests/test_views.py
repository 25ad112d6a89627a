import pytest
from django.urls import reverse

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations.models import Delegation, Registration
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory, make_focal_point


@pytest.fixture
def mexico(db):
    return DelegationFactory(country="MX", name="Mexico")


@pytest.fixture
def focal_point_mexico(mexico):
    user = UserFactory()
    make_focal_point(user, mexico)
    return user


@pytest.mark.django_db
def test_focal_point_sees_own_delegation_pending_first(client, meeting, mexico, focal_point_mexico):
    approved = RegistrationFactory(
        meeting=meeting, delegation=mexico, status=Registration.Status.APPROVED, person__last_name="Aguilar"
    )
    pending = RegistrationFactory(meeting=meeting, delegation=mexico, person__last_name="Zamora")
    client.force_login(focal_point_mexico)
    response = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk}))
    assert list(response.context["registrations"]) == [pending, approved]
    assert response.context["counts"] == [
        ("pending", "Pending", 1),
        ("approved", "Approved", 1),
        ("rejected", "Rejected", 0),
        ("withdrawn", "Withdrawn", 0),
    ]


@pytest.mark.django_db
def test_focal_point_of_another_state_gets_404(client, meeting, mexico):
    ghana = DelegationFactory(country="GH", name="Ghana")
    other = UserFactory()
    make_focal_point(other, ghana)
    client.force_login(other)
    assert client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).status_code == 404


@pytest.mark.django_db
def test_delegate_gets_404_on_their_delegation_page(client, meeting, mexico):
    registration = RegistrationFactory(meeting=meeting, delegation=mexico)
    client.force_login(registration.person)
    assert client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).status_code == 404


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, mexico):
    response = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk}))
    assert response.status_code == 302


@pytest.mark.django_db
def test_civil_society_coordinator_sees_civil_society_but_not_states(client, meeting, mexico):
    coordinator = CivilSocietyCoordinatorFactory()
    organisation = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY, name="Migrant Forum in Asia")
    client.force_login(coordinator)
    assert client.get(reverse("delegations:detail", kwargs={"pk": organisation.pk})).status_code == 200
    assert client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).status_code == 404
    response = client.get(reverse("delegations:civil_society"))
    assert [d.name for d in response.context["delegations"]] == ["Migrant Forum in Asia"]


@pytest.mark.django_db
def test_civil_society_list_refuses_a_focal_point(client, focal_point_mexico):
    client.force_login(focal_point_mexico)
    assert client.get(reverse("delegations:civil_society")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_delegation_page_query_count_does_not_grow(
    client, meeting, mexico, focal_point_mexico, django_assert_num_queries, count
):
    RegistrationFactory.create_batch(count, meeting=meeting, delegation=mexico)
    client.force_login(focal_point_mexico)
    # session, user, delegation, groups, focal-point delegations, meeting, the count of
    # registrations, a page of them, their sessions, quota, the counts by status, the head of
    # delegation, invitations, the meeting's membership, the history across meetings, whether the
    # reader may write to the participants (communications.compose)
    with django_assert_num_queries(16):
        client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk}))
