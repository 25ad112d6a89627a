import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Invitation, Registration
from delegations.tests.factories import InvitationFactory, RegistrationFactory
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db

REGISTER = reverse("delegations:register")
MINE = reverse("delegations:my_registration")


def mine(meeting) -> str:
    """Where the pages send a person after a change: their registration, at its meeting's URL."""
    return reverse("delegations:my_registration", kwargs={"number": meeting.number})


def form_data(delegation, sessions=(), **extra):
    return {
        "delegation": delegation.pk,
        "role": "delegate",
        "job_title": "Counsellor",
        "sessions": [s.pk for s in sessions],
        "accessibility_needs": "",
        "dietary_needs": "",
        "public_list_consent": "on",
        **extra,
    }


def test_register_requires_sign_in(client, open_meeting):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_register_form_asks_to_type_the_delegation_and_hides_heads_only_sessions(
    client, open_meeting, mexico, sessions
):
    client.force_login(UserFactory(job_title="Minister Counsellor"))
    response = client.get(REGISTER)
    page = response.content.decode()
    assert response.context["form"]["job_title"].value() == "Minister Counsellor"
    # A field to type the name in, not a list of every delegation.
    assert 'name="delegation_name" id="id_delegation_name"' in page
    assert "<option" not in page.split('id="step-delegation"')[1].split('id="step-sessions"')[0]
    assert response.context["form"].delegation_choices() == []
    groups = response.context["form"].session_groups()
    assert [(g["title"], g["heads_only"]) for g in groups] == [
        ("RT 1 Partnerships", False),
        ("RT 2 Human mobility", False),
        ("Heads of delegation only", True),
    ]
    assert "data-heads-only hidden" in page
    assert [o["seats_left"] for o in groups[0]["options"]] == [150]


def test_register_creates_a_pending_registration(client, open_meeting, mexico, sessions_apart):
    person = UserFactory()
    client.force_login(person)
    response = client.post(REGISTER, form_data(mexico, [sessions_apart["1.1"], sessions_apart["2.1"]]))
    assert response.status_code == 302
    assert response["Location"] == mine(open_meeting)
    registration = Registration.objects.get(person=person)
    assert (registration.status, registration.delegation, registration.public_list_consent) == ("pending", mexico, True)
    assert sorted(registration.sessions.values_list("code", flat=True)) == ["1.1", "2.1"]


def test_register_refuses_heads_only_session_to_a_delegate_and_keeps_input(client, open_meeting, mexico, sessions):
    client.force_login(UserFactory())
    response = client.post(
        REGISTER, form_data(mexico, [sessions["1.1"], sessions["FF"]], dietary_needs="Halal", job_title="Attaché")
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"sessions": ["Session FF is for heads of delegation only."]}
    page = response.content.decode()
    assert 'value="Halal"' in page
    assert 'value="Attaché"' in page
    assert Registration.objects.count() == 0


def test_register_shows_a_full_session_as_full(client, open_meeting, mexico, sessions):
    sessions["1.1"].capacity = 1
    sessions["1.1"].save()
    RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    client.force_login(UserFactory())
    response = client.get(REGISTER)
    option = response.context["form"].session_groups()[0]["options"][0]
    assert (option["full"], option["seats_left"]) == (True, 0)
    assert (
        f'id="id_sessions_{sessions["1.1"].pk}"\n                         aria-describedby' in response.content.decode()
    )
    response = client.post(REGISTER, form_data(mexico, [sessions["1.1"]]))
    assert response.context["form"].errors == {
        "sessions": ["Session 1.1 is full: its 1 seat is taken. Choose another session."]
    }


def test_register_when_already_registered_goes_to_my_registration(client, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    client.force_login(registration.person)
    assert client.get(REGISTER)["Location"] == mine(open_meeting)


def test_register_when_registration_is_closed(client, open_meeting, mexico):
    open_meeting.status = Meeting.Status.CLOSED
    open_meeting.save()
    client.force_login(UserFactory())
    response = client.get(REGISTER)
    assert "Registration is not open: Registration closed." in response.content.decode()


def test_my_registration_shows_status_and_sessions(client, open_meeting, mexico, sessions):
    registration = RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        status="rejected",
        decision_reason="Quota reached",
        sessions=[sessions["2.1"]],
    )
    client.force_login(registration.person)
    response = client.get(MINE)
    page = response.content.decode()
    assert response.context["registration"] == registration
    assert "Quota reached" in page
    assert "Migrants&#x27; rights" in page


def test_my_registration_without_one_offers_to_register(client, open_meeting):
    client.force_login(UserFactory())
    response = client.get(MINE)
    assert response.context["registration"] is None
    assert reverse("delegations:register", kwargs={"number": open_meeting.number}) in response.content.decode()


def test_my_registration_change(client, open_meeting, mexico, sessions):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    client.force_login(registration.person)
    response = client.get(reverse("delegations:my_registration_change"))
    assert "delegation" not in response.context["form"].fields
    data = form_data(mexico, [sessions["2.1"]], role="adviser")
    del data["delegation"]
    response = client.post(reverse("delegations:my_registration_change"), data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.role == "adviser"
    assert list(registration.sessions.values_list("code", flat=True)) == ["2.1"]


def test_my_registration_change_of_an_approved_one_fixes_the_role(client, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved")
    client.force_login(registration.person)
    response = client.get(reverse("delegations:my_registration_change"))
    assert "role" not in response.context["form"].fields
    assert [g["heads_only"] for g in response.context["form"].session_groups()] == []


def test_my_registration_change_refused_once_withdrawn(client, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")
    client.force_login(registration.person)
    assert client.get(reverse("delegations:my_registration_change")).status_code == 404


def test_my_registration_withdraw(client, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    client.force_login(registration.person)
    assert client.get(reverse("delegations:my_registration_withdraw")).status_code == 405
    response = client.post(reverse("delegations:my_registration_withdraw"), {"reason": "Illness"})
    assert response["Location"] == mine(open_meeting)
    registration.refresh_from_db()
    assert (registration.status, registration.decision_reason) == ("withdrawn", "Illness")


# Invitations


def invitation_url(token):
    return reverse("delegations:invitation", kwargs={"token": token})


def test_invitation_unknown_token_is_404(client, open_meeting):
    assert client.get(invitation_url("nope")).status_code == 404


def test_invitation_anonymous_is_asked_to_sign_in_with_the_address(client, open_meeting, mexico):
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org", token="abc")
    response = client.get(invitation_url("abc"))
    page = response.content.decode()
    assert response.context["invitation"] == invitation
    assert "ana@example.org" in page
    assert "/accounts/login/?next=%2Fdelegations%2Finvitations%2Fabc%2F" in page


def test_invitation_for_another_address_is_refused(client, open_meeting, mexico):
    InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org", token="abc")
    client.force_login(UserFactory(email="other@example.org"))
    response = client.get(invitation_url("abc"))
    assert response.status_code == 403
    assert response.context["problem"] == "other_address"


def test_invitation_registers_once(client, open_meeting, mexico, sessions):
    invitation = InvitationFactory(
        meeting=open_meeting, delegation=mexico, email="ana@example.org", token="abc", role="head"
    )
    person = UserFactory(email="ana@example.org")
    client.force_login(person)
    response = client.get(invitation_url("abc"))
    form = response.context["form"]
    assert ("delegation" in form.fields, "role" in form.fields) == (False, False)
    assert [g["heads_only"] for g in form.session_groups()] == [False, False, True]
    data = form_data(mexico, [sessions["FF"]])
    response = client.post(invitation_url("abc"), data)
    assert response["Location"] == mine(open_meeting)
    registration = Registration.objects.get(person=person)
    assert (registration.role, registration.delegation) == ("head", mexico)
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.USED
    response = client.get(invitation_url("abc"))
    assert (response.status_code, response.context["problem"]) == (410, "used")


def test_invitation_as_delegate_does_not_offer_heads_only_sessions(client, open_meeting, mexico, sessions):
    InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org", token="abc")
    client.force_login(UserFactory(email="ana@example.org"))
    response = client.get(invitation_url("abc"))
    assert "Future of the Forum" not in response.content.decode()


def test_my_registration_change_once_registration_is_closed(client, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    open_meeting.status = Meeting.Status.CLOSED
    open_meeting.save()
    client.force_login(registration.person)
    response = client.get(reverse("delegations:my_registration_change"), follow=True)
    assert response.redirect_chain == [(mine(open_meeting), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Registration is closed: your registration can no longer be changed."
    ]
