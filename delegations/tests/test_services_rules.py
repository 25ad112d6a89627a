"""The services check their own rules (delegations.permissions): called directly by the wrong
person, or in the wrong state, they refuse and change nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from delegations import services
from delegations.models import DelegationQuota, Invitation
from delegations.tests.factories import InvitationFactory, RegistrationFactory
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(open_meeting, mexico, sessions):
    return RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])


def test_approve_by_the_focal_point_of_another_state_is_refused(pending, focal_point_ghana):
    with pytest.raises(PermissionDenied):
        services.registration_approve(registration=pending, actor=focal_point_ghana)
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("pending", None)


def test_approve_of_a_rejected_registration_by_its_focal_point_is_refused(open_meeting, mexico, focal_point_mexico):
    rejected = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="rejected", decision_reason="Full")
    with pytest.raises(ValidationError) as error:
        services.registration_approve(registration=rejected, actor=focal_point_mexico)
    assert (error.value.code, error.value.messages) == (
        "decided",
        ["This registration was already rejected; only the Chair's office can change that decision."],
    )
    rejected.refresh_from_db()
    assert rejected.status == "rejected"


def test_reject_by_the_participant_themselves_is_refused(pending):
    with pytest.raises(PermissionDenied):
        services.registration_reject(registration=pending, actor=pending.person, reason="I decide")
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == ("pending", "")


def test_reject_of_an_approved_registration_by_its_focal_point_is_refused(open_meeting, mexico, focal_point_mexico):
    approved = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved")
    with pytest.raises(ValidationError) as error:
        services.registration_reject(registration=approved, actor=focal_point_mexico, reason="Changed my mind")
    assert error.value.code == "decided"
    approved.refresh_from_db()
    assert approved.status == "approved"


def test_withdraw_by_someone_who_does_not_decide_is_refused(pending, focal_point_ghana):
    with pytest.raises(PermissionDenied):
        services.registration_withdraw(registration=pending, actor=focal_point_ghana)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_withdraw_of_a_withdrawn_registration_is_refused(open_meeting, mexico):
    withdrawn = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")
    with pytest.raises(ValidationError) as error:
        services.registration_withdraw(registration=withdrawn, actor=withdrawn.person)
    assert error.value.code == "not_active"


def test_change_of_someone_elses_registration_is_refused(pending, focal_point_mexico, sessions):
    with pytest.raises(PermissionDenied):
        services.registration_change(
            registration=pending,
            actor=focal_point_mexico,
            sessions=[sessions["2.1"]],
            job_title="Changed by someone else",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    pending.refresh_from_db()
    assert (pending.job_title, [s.code for s in pending.sessions.all()]) == ("", ["1.1"])


def test_change_once_registration_has_closed_is_refused(pending, open_meeting, sessions):
    Meeting.objects.filter(pk=open_meeting.pk).update(status=Meeting.Status.CLOSED)
    with pytest.raises(ValidationError) as error:
        services.registration_change(
            registration=pending,
            actor=pending.person,
            sessions=[sessions["2.1"]],
            job_title="Late change",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    assert error.value.messages == ["Registration for Fourth Meeting is not open."]


def test_invite_to_another_delegation_is_refused(open_meeting, ghana, focal_point_mexico):
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            delegation=ghana,
            meeting=open_meeting,
            email="ana@example.org",
            role="delegate",
            invited_by=focal_point_mexico,
        )
    assert Invitation.objects.count() == 0


def test_revoke_of_another_delegations_invitation_is_refused(open_meeting, ghana, focal_point_mexico):
    invitation = InvitationFactory(meeting=open_meeting, delegation=ghana)
    with pytest.raises(PermissionDenied):
        services.invitation_revoke(invitation=invitation, actor=focal_point_mexico)
    invitation.refresh_from_db()
    assert invitation.state == "open"


def test_quota_set_by_a_focal_point_is_refused(open_meeting, mexico, focal_point_mexico):
    with pytest.raises(PermissionDenied):
        services.quota_set(delegation=mexico, meeting=open_meeting, places=50, actor=focal_point_mexico)
    assert DelegationQuota.objects.count() == 0
