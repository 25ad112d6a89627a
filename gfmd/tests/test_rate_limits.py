"""Failed sign-ins are throttled per client and per account, never for the whole site, and the
client is the real one behind a proxy; the Django admin's login cannot go around the limits."""

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed login attempts. Try again later."
PROXY = "10.0.0.254"


def _sign_in(client, email, password, **meta):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


def _errors(response):
    return response.context["form"].non_field_errors() if response.context else []


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_failed_logins_lock_the_account_they_hammer_not_the_others(client):
    victim, other = UserFactory(email="victim@example.org"), UserFactory(email="other@example.org")
    for _ in range(5):
        response = _sign_in(client, victim.email, "wrong", REMOTE_ADDR="198.51.100.1")
        assert list(_errors(response)) == ["The email address and/or password you specified are not correct."]

    # The account is locked for everyone, the right password included, from any address...
    response = _sign_in(client, victim.email, PASSWORD, REMOTE_ADDR="198.51.100.2")
    assert list(_errors(response)) == [LOCKED]
    assert not _signed_in(client)
    # ...but another account signs in, from another address.
    response = _sign_in(client, other.email, PASSWORD, REMOTE_ADDR="198.51.100.3")
    assert response.status_code == 302
    assert _signed_in(client)


def test_failed_logins_lock_the_client_that_sprays_many_accounts(client):
    targets = [UserFactory(email=f"target{n}@example.org") for n in range(11)]
    for target in targets[:10]:
        _sign_in(client, target.email, "wrong", REMOTE_ADDR="198.51.100.1")

    # Ten failures a minute from one address: that address is refused, even with a right password...
    response = _sign_in(client, targets[10].email, PASSWORD, REMOTE_ADDR="198.51.100.1")
    assert list(_errors(response)) == [LOCKED]
    # ...while the same account signs in from elsewhere (none of its own attempts failed).
    response = _sign_in(client, targets[10].email, PASSWORD, REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 302


def _spray_from_behind_the_proxy(client, forwarded_for):
    for n in range(10):
        target = UserFactory(email=f"sprayed{n}@example.org")
        _sign_in(client, target.email, "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_clients_behind_one_proxy_are_counted_apart(client):
    person = UserFactory(email="person@example.org")
    _spray_from_behind_the_proxy(client, "203.0.113.5")

    # The spraying client is refused, also when it writes another address in X-Forwarded-For
    # (the proxy appends the real one, which is what is read)...
    for forwarded_for in ("203.0.113.5", "192.0.2.77, 203.0.113.5"):
        response = _sign_in(client, person.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
        assert list(_errors(response)) == [LOCKED]
    # ...and another client behind the same proxy signs in.
    response = _sign_in(client, person.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert response.status_code == 302


@override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
def test_clients_named_by_the_proxys_header_are_counted_apart(client):
    person = UserFactory(email="person@example.org")
    for n in range(10):
        target = UserFactory(email=f"sprayed{n}@example.org")
        _sign_in(client, target.email, "wrong", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.5")

    response = _sign_in(client, person.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.5")
    assert list(_errors(response)) == [LOCKED]
    response = _sign_in(client, person.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.6")
    assert response.status_code == 302


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_without_the_proxy_count_every_client_behind_the_proxy_is_one(client):
    """Why production must name its proxies: counted by the proxy's address, one client's
    failures lock out everybody behind it."""
    person = UserFactory(email="person@example.org")
    _spray_from_behind_the_proxy(client, "203.0.113.5")

    response = _sign_in(client, person.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert list(_errors(response)) == [LOCKED]


def test_admin_login_sends_people_to_the_portals_sign_in(client):
    response = client.get("/admin/login/?next=/admin/delegations/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fdelegations%2F"
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_admin_login_checks_no_password_so_it_cannot_bypass_the_limits(client):
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    for _ in range(5):
        _sign_in(client, staff.email, "wrong", REMOTE_ADDR="198.51.100.1")
    assert list(_errors(_sign_in(client, staff.email, PASSWORD, REMOTE_ADDR="198.51.100.2"))) == [LOCKED]

    # Wrong passwords posted to the admin's form are not even tried, and the right one does not
    # sign in a locked account either: every attempt is sent to the portal's sign-in.
    for password in ["wrong"] * 20 + [PASSWORD]:
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": staff.email, "password": password},
            REMOTE_ADDR="198.51.100.3",
        )
        assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=%2Fadmin%2F")
    assert not _signed_in(client)


def test_staff_signed_in_through_the_portal_reach_the_admin(client):
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    assert _sign_in(client, staff.email, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_person_who_is_not_staff_is_refused_the_admin(client):
    person = UserFactory(email="person@example.org")
    client.force_login(person)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
