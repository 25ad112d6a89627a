"""Non-essential mail carries the one-click unsubscribe (RFC 8058), built when mailings sends it; essential
mail does not; no header can be injected."""

import email
import email.policy

import pytest
from django.core import mail as django_mail

from accounts.tests.factories import UserFactory
from mailings import notification_kinds
from mailings.models import OutgoingMail
from mailings.sending import _build_message
from mailings.services import queue_mail, send_to_people
from notifications.tokens import unsubscribe_read

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://portal.example.org"


def _queue(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return queue_mail(subject="Programme", body_text="What changed.", **kwargs)


def test_a_non_essential_mail_carries_the_headers_and_the_link(mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory(email="ana@example.org", preferred_language="es")
    _queue(django_capture_on_commit_callbacks, to="ana@example.org", notification_kind="programme_changes")
    (message,) = mailoutbox
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://portal.example.org/notifications/unsubscribe/") and header.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = header.removeprefix("<https://portal.example.org/notifications/unsubscribe/").removesuffix("/>")
    assert unsubscribe_read(token) == (person.pk, "programme_changes")
    assert header[1:-1] in message.body  # the same link in the body, under the text
    # On the wire (the SMTP backend's policy folds at 78 characters): the address whole on one line, never
    # cut into RFC 2047 encoded words that no mail client would read as an address.
    raw = message.message(policy=email.policy.SMTP).as_string()
    assert f"\r\nList-Unsubscribe: {header}\r\n" in raw
    assert "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    assert email.message_from_string(raw, policy=email.policy.default)["List-Unsubscribe"] == header


def test_essential_mail_has_no_unsubscribe(mailoutbox, django_capture_on_commit_callbacks):
    UserFactory(email="ana@example.org")
    _queue(django_capture_on_commit_callbacks, to="ana@example.org")
    (message,) = mailoutbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert "unsubscribe" not in message.body
    assert "List-Unsubscribe" not in message.message().as_string()


def test_a_registered_mail_sent_to_people_carries_the_kind(mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        send_to_people(
            "outcomes.published",
            [person],
            context={"session": {"code": "1.1", "title": "T"}, "url": "https://x"},
            notification_kind="papers_published",
        )
    assert "List-Unsubscribe" in mailoutbox[0].extra_headers


def test_an_unknown_kind_is_refused_when_queued():
    with pytest.raises(ValueError, match="Unknown kind"):
        queue_mail(to="a@example.org", subject="s", body_text="b", notification_kind="everything")


def test_an_address_without_an_account_gets_no_link(mailoutbox, django_capture_on_commit_callbacks):
    _queue(django_capture_on_commit_callbacks, to="nobody@example.org", notification_kind="programme_changes")
    assert "List-Unsubscribe" not in mailoutbox[0].extra_headers


@pytest.mark.parametrize(
    "url", ["https://x/\r\nBcc: victim@example.org", "https://x/>, <https://evil", "https://x/ä", 'https://x/"']
)
def test_a_provider_cannot_inject_a_header(monkeypatch, url):
    UserFactory(email="ana@example.org")
    monkeypatch.setattr(notification_kinds, "_providers", [lambda **kw: notification_kinds.Unsubscribe(url, "Off:")])
    row = OutgoingMail(pk=1, to="ana@example.org", subject="s", body_text="b", notification_kind="programme_changes")
    with pytest.raises(ValueError, match="one line"):
        _build_message(row, "")


def test_a_refused_link_fails_the_mail_instead_of_sending_it(monkeypatch, django_capture_on_commit_callbacks):
    bad = notification_kinds.Unsubscribe("https://x/\nBcc: victim@example.org", "Off:")
    monkeypatch.setattr(notification_kinds, "_providers", [lambda **kw: bad])
    row = _queue(django_capture_on_commit_callbacks, to="ana@example.org", notification_kind="programme_changes")
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.FAILED
    assert django_mail.outbox == []
