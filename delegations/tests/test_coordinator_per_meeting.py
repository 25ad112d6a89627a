"""The civil-society coordinator named per meeting (roundtables.MeetingRole civil_society_coordinator):
their rights over civil-society organisations and registrations hold in that meeting only. The global
group (CivilSocietyCoordinatorFactory) still counts everywhere, kept for older deployments."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import landing_url
from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations.models import Delegation
from delegations.selectors import delegations_visible_to
from delegations.services.notifications import deciders_of
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from roundtables import services
from roundtables.models import Meeting, MeetingRole
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_2011(db):
    return MeetingFactory(number=5, title_en="Geneva 2011", status=Meeting.Status.OPEN)


@pytest.fixture
def ngo(db):
    return OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY, name="Asis")


@pytest.fixture
def coordinator_2010(open_meeting):
    """Named for the open (current) meeting only."""
    person = UserFactory(email="cs@example.org")
    MeetingRole.objects.create(meeting=open_meeting, user=person, role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)
    return person


def _civil_society(number: int) -> str:
    return reverse("delegations:civil_society", kwargs={"number": number})


def _registrations(number: int) -> str:
    return reverse("delegations:registrations", kwargs={"number": number})


def test_refused_another_meetings_civil_society_list_until_named_for_it(
    client, open_meeting, meeting_2011, coordinator_2010, ngo
):
    RegistrationFactory(meeting=meeting_2011, delegation=ngo)
    client.force_login(coordinator_2010)
    assert client.get(_civil_society(open_meeting.number)).status_code == 200
    assert client.get(reverse("delegations:civil_society")).status_code == 200  # the current meeting's
    assert client.get(_civil_society(5)).status_code == 403
    assert client.get(_registrations(5)).status_code == 403
    # The Chair's office of 2011 names them for 2011 too.
    staff = UserFactory()
    MeetingRole.objects.create(meeting=meeting_2011, user=staff, role=MeetingRole.Role.CHAIR_STAFF)
    services.coordinator_name(meeting=meeting_2011, user=coordinator_2010, actor=staff)
    assert client.get(_civil_society(5)).status_code == 200
    assert [r.delegation.name for r in client.get(_registrations(5)).context["page"]] == ["Asis"]


def test_decides_civil_society_registrations_of_their_meeting_only(
    open_meeting, meeting_2011, coordinator_2010, ngo, mexico
):
    mine = RegistrationFactory(meeting=open_meeting, delegation=ngo)
    other_meeting = RegistrationFactory(meeting=meeting_2011, delegation=ngo)
    a_state = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    assert coordinator_2010.has_perm("delegations.decide_registration", mine)
    assert coordinator_2010.has_perm("delegations.view_registration", mine)
    assert not coordinator_2010.has_perm("delegations.decide_registration", other_meeting)
    assert not coordinator_2010.has_perm("delegations.view_registration", other_meeting)
    assert not coordinator_2010.has_perm("delegations.decide_registration", a_state)
    assert list(deciders_of(ngo, meeting=open_meeting)) == [coordinator_2010]
    assert list(deciders_of(ngo, meeting=meeting_2011)) == []


def test_a_revoked_coordinator_is_refused(client, open_meeting, coordinator_2010, ngo):
    registration = RegistrationFactory(meeting=open_meeting, delegation=ngo)
    client.force_login(coordinator_2010)
    assert client.get(reverse("delegations:registration", kwargs={"pk": registration.pk})).status_code == 200
    MeetingRole.objects.filter(user=coordinator_2010).update(revoked_at=timezone.now())
    client.force_login(coordinator_2010)
    assert client.get(_civil_society(open_meeting.number)).status_code == 403
    assert client.get(reverse("delegations:registration", kwargs={"pk": registration.pk})).status_code == 404


def test_delegations_visible_to_follows_the_meeting(open_meeting, meeting_2011, coordinator_2010, ngo, mexico):
    assert list(delegations_visible_to(coordinator_2010, meeting=open_meeting)) == [ngo]
    assert list(delegations_visible_to(coordinator_2010)) == [ngo]  # the current meeting
    assert list(delegations_visible_to(coordinator_2010, meeting=meeting_2011)) == []
    # The global group: every meeting (older deployments).
    group_coordinator = CivilSocietyCoordinatorFactory()
    assert list(delegations_visible_to(group_coordinator, meeting=meeting_2011)) == [ngo]


def test_the_current_meetings_coordinator_lands_on_the_civil_society_list(client, open_meeting, coordinator_2010):
    assert landing_url(coordinator_2010) == reverse("delegations:civil_society")
    client.force_login(coordinator_2010)
    assert reverse("delegations:civil_society") in client.get(reverse("accounts:dashboard")).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_civil_society_list_query_count_for_a_named_coordinator(
    client, open_meeting, coordinator_2010, django_assert_num_queries, count
):
    for _ in range(count):
        RegistrationFactory(meeting=open_meeting, delegation=OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY))
    client.force_login(coordinator_2010)
    # As the group's (test_views_lists): the per-meeting role is read with the person's facts, no query of its own.
    with django_assert_num_queries(8):
        response = client.get(_civil_society(open_meeting.number))
    assert len(response.context["page"]) == count
