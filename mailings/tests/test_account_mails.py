"""Password-reset and confirmation links are made when their mail is sent: no outbox row, admin
page or backup holds a link that opens an account, yet the mail that leaves works."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail as django_mail
from django.urls import reverse

from accounts.links import EMAIL_CONFIRMATION, PASSWORD_RESET
from accounts.tests.factories import PASSWORD, UserFactory
from mailings.models import OutgoingMail
from mailings.tests.raw import outbox_contains, raw_outbox_values

RESET_LINK = re.compile(r"^http://127\.0\.0\.1:8000(/accounts/password/reset/key/\S+/)$", re.MULTILINE)
CONFIRM_LINK = re.compile(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/\S+/)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"


def admin_page(client, mail: OutgoingMail) -> str:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:mailings_outgoingmail_change", args=[mail.pk]))
    assert response.status_code == 200
    client.logout()
    return response.content.decode()


@pytest.mark.django_db
def test_password_reset_link_is_made_when_the_mail_is_sent(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="ana@example.org")
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("account_reset_password"), {"email": "ana@example.org"})
    assert response.status_code == 302
    mail = OutgoingMail.objects.get()
    assert (mail.link_kind, mail.link_object_id, mail.state) == (PASSWORD_RESET, user.pk, OutgoingMail.State.QUEUED)
    assert not outbox_contains("/password/reset/key/")
    assert "{link}" in mail.body_text

    for callback in callbacks:
        callback()  # the task sends the mail

    [sent] = django_mail.outbox
    path = RESET_LINK.search(sent.body).group(1)
    key = path.rstrip("/").rsplit("/", 1)[-1]
    mail.refresh_from_db()
    assert mail.state == OutgoingMail.State.SENT
    assert not outbox_contains(key)
    assert not outbox_contains("/password/reset/key/")
    assert key not in admin_page(client, mail)

    # The link in the mail that left really resets the password.
    response = client.get(path)
    assert response.status_code == 302
    set_password = response["Location"]
    response = client.post(set_password, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


@pytest.mark.django_db
def test_email_confirmation_link_is_made_when_the_mail_is_sent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("account_signup"),
            {
                "first_name": "Amina",
                "last_name": "Diallo",
                "email": "amina@example.org",
                "password1": "a-long-passphrase-2010",
                "password2": "a-long-passphrase-2010",
            },
        )
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="amina@example.org")
    mail = OutgoingMail.objects.get()
    assert (mail.link_kind, mail.link_object_id) == (EMAIL_CONFIRMATION, address.pk)
    assert not outbox_contains("/confirm-email/")

    for callback in callbacks:
        callback()

    [sent] = django_mail.outbox
    path = CONFIRM_LINK.search(sent.body).group(1)
    key = path.rstrip("/").rsplit("/", 1)[-1]
    mail.refresh_from_db()
    assert mail.state == OutgoingMail.State.SENT
    assert not outbox_contains(key)
    assert not outbox_contains("/confirm-email/")
    assert key not in admin_page(client, mail)

    response = client.post(path)
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified is True


@pytest.mark.django_db
def test_confirmation_mail_of_an_address_confirmed_meanwhile_is_not_sent(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="amina@example.org", verified=False)
    address = EmailAddress.objects.create(user=user, email="amina@example.org", primary=True, verified=False)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("account_login"), {"login": "amina@example.org", "password": PASSWORD})
    mail = OutgoingMail.objects.get()
    EmailAddress.objects.filter(pk=address.pk).update(verified=True)
    for callback in callbacks:
        callback()
    mail.refresh_from_db()
    assert (mail.state, mail.last_error, django_mail.outbox) == (
        OutgoingMail.State.CANCELLED,
        "No longer needed when its turn came.",
        [],
    )


@pytest.mark.django_db
def test_password_reset_mail_of_a_disabled_account_is_not_sent(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="ana@example.org")
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("account_reset_password"), {"email": "ana@example.org"})
    user.is_active = False
    user.save()
    for callback in callbacks:
        callback()
    assert (OutgoingMail.objects.get().state, django_mail.outbox) == (OutgoingMail.State.CANCELLED, [])


@pytest.mark.django_db
def test_verification_mail_greets_from_the_portal_not_example_com(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "first_name": "Amina",
                "last_name": "Diallo",
                "email": "amina@example.org",
                "password1": "a-long-passphrase-2010",
                "password2": "a-long-passphrase-2010",
            },
        )
    lines = django_mail.outbox[0].body.splitlines()
    assert lines[0] == "Hello from GFMD Meeting Portal!"
    assert lines[-2:] == ["Thank you for using GFMD Meeting Portal!", "127.0.0.1:8000"]
    assert "example.com" not in " ".join(raw_outbox_values())


@pytest.mark.django_db(transaction=True)
def test_signup_queues_a_verification_mail_that_the_task_sends(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Amina",
            "last_name": "Diallo",
            "email": "amina@example.org",
            "password1": "a-long-passphrase-2010",
            "password2": "a-long-passphrase-2010",
        },
    )
    assert response.status_code == 302
    mail = OutgoingMail.objects.get(to="amina@example.org")
    assert mail.state == OutgoingMail.State.SENT
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["amina@example.org"]
    assert "/accounts/confirm-email/" in mailoutbox[0].body
