"""The meeting's registration offered once the account is verified."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import RegistrationFactory

SIGNUP = {
    "first_name": "Amina",
    "last_name": "Diallo",
    "email": "amina@example.org",
    "password1": "a-long-passphrase-2010",
    "password2": "a-long-passphrase-2010",
}


@pytest.fixture
def open_meeting(meeting):
    meeting.status = "open"
    meeting.save()
    return meeting


def _confirmation_path(user) -> str:
    key = EmailConfirmationHMAC(EmailAddress.objects.get(user=user)).key
    return reverse("account_confirm_email", args=[key])


@pytest.mark.django_db
def test_verifying_right_after_signing_up_lands_on_the_registration_offer(client, open_meeting):
    client.post(reverse("account_signup"), SIGNUP)
    user = EmailAddress.objects.get(email="amina@example.org").user
    response = client.post(_confirmation_path(user))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:welcome")
    page = client.get(response["Location"]).content.decode()
    register = reverse("delegations:register", kwargs={"number": open_meeting.number})
    assert f'<a class="btn btn-primary" href="{register}">Register for the meeting</a>' in page


@pytest.mark.django_db
def test_verifying_in_another_browser_signs_in_then_offers_registration(client, open_meeting):
    user = UserFactory(verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    response = client.post(_confirmation_path(user))
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('accounts:welcome')}"


@pytest.mark.django_db
def test_welcome_sends_someone_already_registered_to_their_start_page(client, open_meeting):
    registration = RegistrationFactory(meeting=open_meeting)
    client.force_login(registration.person)
    response = client.get(reverse("accounts:welcome"))
    assert response["Location"] == reverse("accounts:dashboard")


@pytest.mark.django_db
def test_welcome_offers_nothing_when_registration_is_not_open(client, meeting):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:welcome"))
    assert response["Location"] == reverse("accounts:dashboard")


@pytest.mark.django_db
def test_welcome_requires_sign_in(client, open_meeting):
    response = client.get(reverse("accounts:welcome"))
    assert response["Location"].startswith(reverse("account_login"))
