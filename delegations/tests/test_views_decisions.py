import pytest
from django.urls import reverse

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations.models import Delegation, DelegationQuota, Invitation
from delegations.tests.factories import InvitationFactory, OrganisationFactory, RegistrationFactory, make_focal_point
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(open_meeting, mexico, sessions):
    return RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        person__first_name="Sofía",
        person__last_name="Castillo",
        person__email="sofia@example.org",
        sessions=[sessions["1.1"]],
    )


def url(name, registration):
    return reverse(f"delegations:{name}", kwargs={"pk": registration.pk})


def test_focal_point_sees_registration_with_decision_forms(client, pending, focal_point_mexico):
    client.force_login(focal_point_mexico)
    response = client.get(url("registration", pending))
    page = response.content.decode()
    assert (response.context["can_decide"], response.context["can_override"]) == (True, False)
    assert url("registration_approve", pending) in page
    assert url("registration_reject", pending) in page
    assert "sofia@example.org" in page


@pytest.mark.parametrize("who", ["focal_point_ghana", "nobody", "coordinator"])
def test_registration_is_404_for_those_who_may_not_see_it(client, pending, focal_point_ghana, who):
    user = {
        "focal_point_ghana": focal_point_ghana,
        "nobody": UserFactory(),
        "coordinator": CivilSocietyCoordinatorFactory(),
    }[who]
    client.force_login(user)
    for name in ("registration", "registration_approve", "registration_reject", "registration_withdraw"):
        response = client.get(url(name, pending)) if name == "registration" else client.post(url(name, pending))
        assert (name, response.status_code) == (name, 404)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_participant_sees_own_registration_but_cannot_decide(client, pending):
    client.force_login(pending.person)
    response = client.get(url("registration", pending))
    assert (response.status_code, response.context["can_decide"]) == (200, False)
    assert url("registration_approve", pending) not in response.content.decode()
    assert client.post(url("registration_approve", pending)).status_code == 403
    assert client.post(url("registration_reject", pending), {"reason": "x"}).status_code == 403


def test_focal_point_approves(client, pending, focal_point_mexico):
    client.force_login(focal_point_mexico)
    assert client.get(url("registration_approve", pending)).status_code == 405
    response = client.post(url("registration_approve", pending), follow=True)
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert [str(m) for m in response.context["messages"]] == [
        "Sofía Castillo's registration is approved; they have been notified by e-mail."
    ]
    assert OutgoingMail.objects.get(to="sofia@example.org").subject == "[GFMD] Registration approved: Fourth Meeting"


def test_approve_goes_back_to_a_local_next_only(client, pending, focal_point_mexico, mexico):
    client.force_login(focal_point_mexico)
    response = client.post(url("registration_approve", pending), {"next": "https://evil.example/"})
    assert response["Location"] == url("registration", pending)


def test_reject_without_reason_keeps_the_page_with_an_error(client, pending, focal_point_mexico):
    client.force_login(focal_point_mexico)
    response = client.post(url("registration_reject", pending), {"reason": ""})
    assert response.status_code == 400
    assert response.context["reject_form"].errors == {"reason": ["This field is required."]}
    response = client.post(url("registration_reject", pending), {"reason": "Quota reached"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == ("rejected", "Quota reached")


def test_focal_point_cannot_reverse_but_chair_can(client, pending, focal_point_mexico, chair):
    client.force_login(focal_point_mexico)
    client.post(url("registration_approve", pending))
    response = client.post(url("registration_reject", pending), {"reason": "Oops"})
    assert response.context["reject_form"].non_field_errors() == [
        "This registration was already approved; only the Chair's office can change that decision."
    ]
    client.force_login(chair)
    response = client.get(url("registration", pending))
    assert response.context["can_override"] is True
    client.post(url("registration_reject", pending), {"reason": "Security vetting"})
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("rejected", chair)


def test_observer_registrations_are_decided_by_the_chair_not_their_focal_point(client, open_meeting, chair):
    observer = OrganisationFactory(kind=Delegation.Kind.OBSERVER, name="IOM")
    focal_point = UserFactory()
    make_focal_point(focal_point, observer)
    registration = RegistrationFactory(meeting=open_meeting, delegation=observer)
    client.force_login(focal_point)
    response = client.get(url("registration", registration))
    assert "The Chair's office decides on registrations of observer organisations." in response.content.decode()
    assert client.post(url("registration_approve", registration)).status_code == 403
    client.force_login(chair)
    client.post(url("registration_approve", registration))
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_civil_society_coordinator_decides_for_civil_society(client, open_meeting):
    organisation = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY)
    registration = RegistrationFactory(meeting=open_meeting, delegation=organisation)
    client.force_login(CivilSocietyCoordinatorFactory())
    client.post(url("registration_approve", registration))
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_focal_point_withdraws_a_registration(client, pending, focal_point_mexico):
    client.force_login(focal_point_mexico)
    client.post(url("registration_withdraw", pending), {"reason": "Replaced by a colleague"})
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("withdrawn", focal_point_mexico)
    assert "has been withdrawn by Javier Herrera" in OutgoingMail.objects.get(to="sofia@example.org").body_text


# The delegation page: bulk approval, invitations, quota


def test_bulk_approve_approves_the_ticked_pending(client, open_meeting, mexico, focal_point_mexico):
    first, second, untouched = RegistrationFactory.create_batch(3, meeting=open_meeting, delegation=mexico)
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:bulk_approve", kwargs={"pk": mexico.pk}), {"registrations": [first.pk, second.pk]}
    )
    assert response["Location"] == reverse(
        "delegations:detail", kwargs={"pk": mexico.pk, "number": open_meeting.number}
    )
    for registration in (first, second, untouched):
        registration.refresh_from_db()
    assert [first.status, second.status, untouched.status] == ["approved", "approved", "pending"]


def test_bulk_approve_cannot_reach_another_delegation(client, open_meeting, mexico, ghana, focal_point_mexico):
    theirs = RegistrationFactory(meeting=open_meeting, delegation=ghana)
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:bulk_approve", kwargs={"pk": mexico.pk}), {"registrations": [theirs.pk]}
    )
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert theirs.status == "pending"
    response = client.post(reverse("delegations:bulk_approve", kwargs={"pk": ghana.pk}), {"registrations": [theirs.pk]})
    assert response.status_code == 404


def test_bulk_approve_refused_to_an_observer_focal_point(client, open_meeting):
    observer = OrganisationFactory(kind=Delegation.Kind.OBSERVER)
    focal_point = UserFactory()
    make_focal_point(focal_point, observer)
    registration = RegistrationFactory(meeting=open_meeting, delegation=observer)
    client.force_login(focal_point)
    response = client.post(
        reverse("delegations:bulk_approve", kwargs={"pk": observer.pk}), {"registrations": [registration.pk]}
    )
    assert response.status_code == 403


def test_focal_point_invites(client, open_meeting, mexico, focal_point_mexico):
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:invite", kwargs={"pk": mexico.pk}), {"email": "ana@example.org", "role": "adviser"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "ana@example.org",
        "adviser",
        focal_point_mexico,
    )
    assert OutgoingMail.objects.get(to="ana@example.org").subject == (
        "[GFMD] Invitation to register with the delegation of Mexico: Fourth Meeting"
    )


def test_invite_with_a_bad_address_keeps_the_page(client, open_meeting, mexico, focal_point_mexico):
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:invite", kwargs={"pk": mexico.pk}), {"email": "ana@", "role": "delegate"}
    )
    assert response.status_code == 400
    assert response.context["invitation_form"].errors == {"email": ["Enter a valid email address."]}
    assert 'value="ana@"' in response.content.decode()


def test_invite_to_another_delegation_is_404(client, open_meeting, ghana, focal_point_mexico):
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:invite", kwargs={"pk": ghana.pk}), {"email": "ana@example.org", "role": "delegate"}
    )
    assert response.status_code == 404
    assert Invitation.objects.count() == 0


def test_revoke_invitation_only_through_its_delegation(client, open_meeting, mexico, ghana, focal_point_mexico):
    theirs = InvitationFactory(meeting=open_meeting, delegation=ghana)
    mine = InvitationFactory(meeting=open_meeting, delegation=mexico)
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:invitation_revoke", kwargs={"pk": mexico.pk, "invitation_pk": theirs.pk})
    )
    assert response.status_code == 404
    client.post(reverse("delegations:invitation_revoke", kwargs={"pk": mexico.pk, "invitation_pk": mine.pk}))
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert (theirs.state, mine.state) == ("open", "revoked")


def test_chair_sets_a_quota_focal_point_may_not(client, open_meeting, mexico, focal_point_mexico, chair):
    quota_url = reverse("delegations:quota", kwargs={"pk": mexico.pk})
    client.force_login(focal_point_mexico)
    assert client.post(quota_url, {"places": "50"}).status_code == 403
    client.force_login(chair)
    client.post(quota_url, {"places": "12"})
    assert DelegationQuota.objects.get(delegation=mexico, meeting=open_meeting).places == 12
    response = client.post(quota_url, {"places": "-1"})
    assert response.status_code == 400
    assert response.context["quota_form"].errors == {"places": ["Ensure this value is greater than or equal to 0."]}
    client.post(quota_url, {"places": ""})
    assert DelegationQuota.objects.count() == 0


def test_delegation_page_shows_counts_head_and_quota(client, open_meeting, mexico, focal_point_mexico, chair):
    head = RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head", status="approved")
    RegistrationFactory(meeting=open_meeting, delegation=mexico)
    RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")
    DelegationQuota.objects.create(meeting=open_meeting, delegation=mexico, places=6)
    client.force_login(focal_point_mexico)
    response = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk}))
    assert response.context["head"] == head
    assert (response.context["places_used"], response.context["quota"].places) == (2, 6)
    assert response.context["can_set_quota"] is False
    assert "2 of 6 places used" in response.content.decode()
