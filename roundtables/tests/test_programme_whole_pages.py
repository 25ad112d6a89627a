"""Whole public pages for anonymous readers (roundtables.programme.whole): rendered once with the layout,
kept under the ETag, each reader given their own CSRF token and script nonce; never for a signed-in
reader, a query string or a message. A new version is a new page: test_programme_pages, whose anonymous
reader goes through the whole page too."""

import re

import pytest
from django.urls import reverse

from roundtables import services
from roundtables.programme import whole


def session_url(session):
    return reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session.pk})


def programme_url():
    return reverse("roundtables:programme", kwargs={"number": 4})


@pytest.fixture
def release(chair, meeting, session_3_1):
    return services.programme_publish(meeting=meeting, actor=chair)


def _token_and_nonces(response) -> tuple[str, set[str]]:
    html = response.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return token, set(re.findall(r'nonce="([^"]+)"', html))


@pytest.mark.django_db
def test_a_second_anonymous_reader_gets_the_kept_page_in_one_query(client, release, django_assert_num_queries):
    first = client.get(programme_url())
    assert first.status_code == 200

    with django_assert_num_queries(1):  # the latest release, for the ETag: no rendering, no snapshot
        second = client.get(programme_url())

    assert second.status_code == 200
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["ETag"] == first["ETag"]
    assert "Assessing the relationship" in second.content.decode()


@pytest.mark.django_db
def test_each_reader_gets_their_own_token_and_nonce(client, release, session_3_1):
    client.get(session_url(session_3_1))  # kept
    response = client.get(session_url(session_3_1))
    token, nonces = _token_and_nonces(response)
    html = response.content.decode()

    assert whole.CSRF_MARKER not in html and whole.NONCE_MARKER not in html
    # The nonce the scripts carry is the one the policy header names.
    assert len(nonces) == 1 and f"'nonce-{nonces.pop()}'" in response["Content-Security-Policy"]
    other = client.__class__(enforce_csrf_checks=True)
    other_token, _ = _token_and_nonces(other.get(session_url(session_3_1)))
    assert other_token != token


@pytest.mark.django_db
def test_the_language_switch_posts_with_the_kept_pages_token(release, session_3_1):
    from django.test import Client

    reader = Client(enforce_csrf_checks=True)
    reader.get(session_url(session_3_1))  # kept by the first visit
    token, _ = _token_and_nonces(reader.get(session_url(session_3_1)))

    response = reader.post(reverse("set_language"), {"language": "es", "csrfmiddlewaretoken": token, "next": "/"})

    assert response.status_code == 302


@pytest.mark.django_db
def test_each_language_is_its_own_page(client, release, session_3_1):
    client.get(session_url(session_3_1))
    french = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    assert 'lang="fr"' in french


@pytest.mark.django_db
def test_a_signed_in_reader_never_gets_an_anonymous_page(client, delegate, release, session_3_1):
    client.get(session_url(session_3_1))
    client.force_login(delegate)
    assert "Sofía Castillo" in client.get(session_url(session_3_1)).content.decode()


@pytest.mark.django_db
def test_a_query_string_is_rendered_not_kept(client, release):
    client.get(programme_url())
    response = client.get(programme_url() + "?from=newsletter")
    assert response.status_code == 200
    assert "from=newsletter" not in client.get(programme_url()).content.decode()


@pytest.mark.django_db
def test_a_page_with_a_message_is_its_readers_own(client, delegate, release):
    client.get(programme_url())  # kept without a message
    client.force_login(delegate)
    client.post(reverse("account_logout"))  # "You have signed out." waits for the next page

    with_message = client.get(programme_url()).content.decode()
    later = client.get(programme_url()).content.decode()

    assert "signed out" in with_message
    assert "signed out" not in later


@pytest.mark.django_db
def test_off_with_the_page_cache(client, release, settings):
    settings.PROGRAMME_PAGE_CACHE = False
    client.get(programme_url())
    response = client.get(programme_url())
    assert response.status_code == 200
    assert whole.CSRF_MARKER not in response.content.decode()
