"""Invitations leak nothing: the link is made when the mail is sent (never readable in the
database, the admin or a backup), and a focal point cannot tell whether an address is registered
with another delegation."""

import re

import pytest
from django.core import mail as django_mail
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Invitation, Registration
from delegations.tests.factories import RegistrationFactory
from mailings.models import OutgoingMail
from mailings.tests.raw import outbox_contains

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^https?://[^/\s]+(/delegations/invitations/(\S+)/)$", re.MULTILINE)


def invite(client, delegation, email, capture, role="delegate"):
    with capture(execute=True):
        return client.post(reverse("delegations:invite", kwargs={"pk": delegation.pk}), {"email": email, "role": role})


def sent_to(email: str):
    return [message for message in django_mail.outbox if message.to == [email]]


def test_the_invitation_link_is_never_stored_yet_the_mail_that_leaves_works(
    client, open_meeting, mexico, focal_point_mexico, sessions, django_capture_on_commit_callbacks
):
    client.force_login(focal_point_mexico)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            reverse("delegations:invite", kwargs={"pk": mexico.pk}), {"email": "rosa@example.org", "role": "adviser"}
        )
    invitation = Invitation.objects.get()
    hash_before_sending = invitation.token_hash
    assert not outbox_contains("/delegations/invitations/")

    for callback in callbacks:
        callback()

    [sent] = sent_to("rosa@example.org")
    path, token = LINK.search(sent.body).groups()
    invitation.refresh_from_db()
    assert invitation.token_hash != hash_before_sending  # the link made at sending replaced it
    assert not outbox_contains(token)
    assert not outbox_contains("/delegations/invitations/")
    mail = OutgoingMail.objects.get(to="rosa@example.org")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin_page = client.get(reverse("admin:mailings_outgoingmail_change", args=[mail.pk])).content.decode()
    assert token not in admin_page

    rosa = UserFactory(email="rosa@example.org")
    client.force_login(rosa)
    assert client.get(path).status_code == 200
    data = {"job_title": "Counsellor", "sessions": [sessions["1.1"].pk], "public_list_consent": "on"}
    response = client.post(path, data)
    assert response["Location"] == reverse("delegations:my_registration", kwargs={"number": open_meeting.number})
    registration = Registration.objects.get(person=rosa)
    assert (registration.delegation, registration.role, registration.status) == (mexico, "adviser", "pending")


def test_an_invitation_revoked_before_its_mail_leaves_is_not_sent(
    client, open_meeting, mexico, focal_point_mexico, django_capture_on_commit_callbacks
):
    client.force_login(focal_point_mexico)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            reverse("delegations:invite", kwargs={"pk": mexico.pk}), {"email": "rosa@example.org", "role": "delegate"}
        )
    invitation = Invitation.objects.get()
    client.post(reverse("delegations:invitation_revoke", kwargs={"pk": mexico.pk, "invitation_pk": invitation.pk}))
    for callback in callbacks:
        callback()
    assert (OutgoingMail.objects.get().state, sent_to("rosa@example.org")) == (OutgoingMail.State.CANCELLED, [])


def test_inviting_someone_registered_elsewhere_answers_as_for_a_newcomer(
    client, open_meeting, mexico, ghana, focal_point_mexico, django_capture_on_commit_callbacks
):
    RegistrationFactory(meeting=open_meeting, delegation=ghana, person__email="ana@example.org")
    client.force_login(focal_point_mexico)
    answers = {}
    for email in ("ana@example.org", "newcomer@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("delegations:invite", kwargs={"pk": mexico.pk}),
                {"email": email, "role": "delegate"},
                follow=True,
            )
        messages = [str(message) for message in response.context["messages"]]
        answers[email] = (response.redirect_chain, messages, len(sent_to(email)))
    detail = reverse("delegations:detail", kwargs={"pk": mexico.pk, "number": open_meeting.number})
    assert answers == {
        "ana@example.org": ([(detail, 302)], ["An invitation has been sent to ana@example.org."], 1),
        "newcomer@example.org": ([(detail, 302)], ["An invitation has been sent to newcomer@example.org."], 1),
    }
    page = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).content.decode()
    assert "Ghana" not in page
    states = dict(Invitation.objects.values_list("email", "delegation__name"))
    assert states == {"ana@example.org": "Mexico", "newcomer@example.org": "Mexico"}


def test_inviting_someone_registered_with_the_delegation_itself_says_so(
    client, open_meeting, mexico, focal_point_mexico, django_capture_on_commit_callbacks
):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__email="ana@example.org")
    client.force_login(focal_point_mexico)
    response = invite(client, mexico, "ana@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert response.context["invitation_form"].errors == {
        "email": ["ana@example.org is already registered with your delegation for this meeting."]
    }
    assert (Invitation.objects.count(), sent_to("ana@example.org")) == (0, [])


def test_the_invitee_registered_elsewhere_sees_the_conflict_and_can_resolve_it(
    client, open_meeting, mexico, ghana, focal_point_mexico, sessions, django_capture_on_commit_callbacks
):
    existing = RegistrationFactory(meeting=open_meeting, delegation=ghana, person__email="ana@example.org")
    client.force_login(focal_point_mexico)
    invite(client, mexico, "ana@example.org", django_capture_on_commit_callbacks)
    path = LINK.search(sent_to("ana@example.org")[0].body).group(1)

    client.force_login(existing.person)
    response = client.get(path)
    assert (response.status_code, response.context["problem"]) == (409, "registered")
    alert = re.search(r'<div class="alert alert-info mb-0" role="status">([^<]*)<', response.content.decode()).group(1)
    assert alert.strip() == (
        "You are already registered for this meeting with the delegation of Ghana. To register with the "
        "delegation of Mexico instead, withdraw that registration first, then open this link again."
    )

    existing.status = Registration.Status.WITHDRAWN
    existing.save()
    data = {"job_title": "Counsellor", "sessions": [sessions["1.1"].pk], "public_list_consent": "on"}
    response = client.post(path, data)
    assert response["Location"] == reverse("delegations:my_registration", kwargs={"number": open_meeting.number})
    existing.refresh_from_db()
    assert (existing.delegation, existing.status) == (mexico, Registration.Status.PENDING)
