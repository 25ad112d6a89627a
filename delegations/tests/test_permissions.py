"""Every rule of delegations.permissions, with the users it lets in and those it refuses."""

import pytest

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations.models import Delegation, FocalPoint
from delegations.tests.factories import OrganisationFactory, RegistrationFactory, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _an_open_meeting(open_meeting):
    """A Chair's office is the staff of an open meeting (roundtables.MeetingRole): the default Chair's office
    member of these tests is staff of this one."""


@pytest.fixture
def people(chair, focal_point_mexico, focal_point_ghana):
    return {
        "chair": chair,
        "coordinator": CivilSocietyCoordinatorFactory(),
        "focal_point_mexico": focal_point_mexico,
        "focal_point_ghana": focal_point_ghana,
        "nobody": UserFactory(),
    }


def allowed(people, perm, obj=None) -> list[str]:
    return sorted(name for name, user in people.items() if user.has_perm(perm, obj))


def test_decide_for_a_state_focal_point_and_chair(people, mexico):
    assert allowed(people, "delegations.decide_for_delegation", mexico) == ["chair", "focal_point_mexico"]


def test_decide_for_an_observer_only_the_chair_even_with_a_focal_point(people):
    observer = OrganisationFactory(kind=Delegation.Kind.OBSERVER)
    # One delegation per person and meeting: Ghana's focal point moves to the observer.
    FocalPoint.objects.filter(user=people["focal_point_ghana"]).delete()
    make_focal_point(people["focal_point_ghana"], observer)
    assert allowed(people, "delegations.decide_for_delegation", observer) == ["chair"]
    assert allowed(people, "delegations.view_delegation", observer) == ["chair", "focal_point_ghana"]


def test_decide_for_civil_society_coordinator_and_chair(people):
    organisation = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY)
    assert allowed(people, "delegations.decide_for_delegation", organisation) == ["chair", "coordinator"]


def test_view_delegation(people, mexico):
    assert allowed(people, "delegations.view_delegation", mexico) == ["chair", "focal_point_mexico"]


def test_set_quota_and_list_delegations_only_chair(people, mexico):
    assert allowed(people, "delegations.set_quota", mexico) == ["chair"]
    assert allowed(people, "delegations.list_delegations") == ["chair"]


def test_list_registrations_for_those_who_manage_a_delegation(people):
    assert allowed(people, "delegations.list_registrations") == [
        "chair",
        "coordinator",
        "focal_point_ghana",
        "focal_point_mexico",
    ]


def test_view_registration_own_or_managed(people, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    people["participant"] = registration.person
    assert allowed(people, "delegations.view_registration", registration) == [
        "chair",
        "focal_point_mexico",
        "participant",
    ]


def test_decide_registration(people, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    people["participant"] = registration.person
    assert allowed(people, "delegations.decide_registration", registration) == ["chair", "focal_point_mexico"]
    assert allowed(people, "delegations.override_decision", registration) == ["chair"]


def test_change_registration_only_own_and_active(people, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    people["participant"] = registration.person
    assert allowed(people, "delegations.change_registration", registration) == ["participant"]
    registration.status = "withdrawn"
    assert allowed(people, "delegations.change_registration", registration) == []


def test_withdraw_registration(people, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved")
    people["participant"] = registration.person
    assert allowed(people, "delegations.withdraw_registration", registration) == [
        "chair",
        "focal_point_mexico",
        "participant",
    ]
    registration.status = "rejected"
    assert allowed(people, "delegations.withdraw_registration", registration) == []
