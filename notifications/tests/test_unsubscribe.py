"""The one-click unsubscribe: a signed token naming the person and the kind; GET asks, POST turns off."""

import pytest
from django.core import signing

from accounts.tests.factories import UserFactory
from notifications.models import OptOut
from notifications.tokens import SALT, unsubscribe_read, unsubscribe_token

pytestmark = pytest.mark.django_db


def url(token: str) -> str:
    return f"/notifications/unsubscribe/{token}/"


def test_the_token_names_the_person_and_the_kind_and_is_url_safe():
    token = unsubscribe_token(42, "programme_changes")
    assert unsubscribe_read(token) == (42, "programme_changes")
    assert all(char.isalnum() or char in "-_:" for char in token)


def test_get_asks_and_changes_nothing(client):
    person = UserFactory()
    response = client.get(url(unsubscribe_token(person.pk, "papers_published")))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Stop sending “Papers published” to {person.display_name}?" in page and "Turn it off" in page
    assert not OptOut.objects.exists()


def test_post_turns_that_kind_off_without_a_session_or_csrf_token(client):
    person = UserFactory()
    client.handler.enforce_csrf_checks = True
    # What a mail client sends (RFC 8058): a POST with this body, no cookie.
    response = client.post(
        url(unsubscribe_token(person.pk, "papers_published")),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Done: you will no longer receive “Papers published”." in response.content.decode()
    assert list(OptOut.objects.values_list("person_id", "kind")) == [(person.pk, "papers_published")]
    # Again: nothing more.
    assert client.post(url(unsubscribe_token(person.pk, "papers_published"))).status_code == 200
    assert OptOut.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "tampered",
        signing.dumps({"p": 1, "k": "programme_changes"}, salt="another.salt"),
        signing.dumps({"p": 1, "k": "account"}, salt=SALT),  # essential mail is no kind
        signing.dumps({"p": "1", "k": "programme_changes"}, salt=SALT),
        signing.dumps([1, "programme_changes"], salt=SALT),
    ],
    # Named, not shown: a signed token holds its time, and xdist's workers must collect the same ids.
    ids=["tampered", "another-salt", "essential-kind", "person-as-text", "not-a-mapping"],
)
def test_a_token_this_portal_did_not_write_is_refused(client, token):
    UserFactory()
    assert client.get(url(token)).status_code == 400
    assert client.post(url(token)).status_code == 400
    assert not OptOut.objects.exists()


def test_a_token_edited_to_name_another_person_is_refused(client):
    me, other = UserFactory(), UserFactory()
    token = unsubscribe_token(me.pk, "programme_changes")
    _value, _sep, signature = token.rpartition(":")
    forged = signing.dumps({"p": other.pk, "k": "programme_changes"}, salt=SALT).rpartition(":")[0] + ":" + signature
    assert client.post(url(forged)).status_code == 400
    # My own token only ever turns off my own mail, whoever is signed in.
    client.force_login(other)
    assert client.post(url(token)).status_code == 200
    assert list(OptOut.objects.values_list("person_id", flat=True)) == [me.pk]


def test_a_token_of_a_person_no_longer_here_is_refused(client):
    person = UserFactory(is_active=False)
    assert client.post(url(unsubscribe_token(person.pk, "programme_changes"))).status_code == 400
    assert client.post(url(unsubscribe_token(999999, "programme_changes"))).status_code == 400
    assert not OptOut.objects.exists()
