"""Meetings as editions: the outbox lists one meeting's mailings, named in its URL."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.queries import count_queries
from mailings.tests.factories import make_mailing
from roundtables.tests.factories import two_meetings


@pytest.fixture
def meetings(db):
    mexico, switzerland = two_meetings()
    make_mailing(1, title="Mailing of 2010", meeting=mexico)
    make_mailing(1, title="Mailing of 2011", meeting=switzerland)
    return mexico, switzerland


def test_the_numbered_outbox_shows_that_meetings_mailings_only(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("mailings:list", kwargs={"number": 5})).content.decode()
    assert "Switzerland 2011" in page
    assert "Mailing of 2011" in page and "Mailing of 2010" not in page


def test_the_unnumbered_outbox_is_the_current_meetings(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("mailings:list")).content.decode()
    assert "Mailing of 2010" in page and "Mailing of 2011" not in page


def test_a_mailing_links_back_to_its_meetings_outbox(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    page = client.get(reverse("mailings:detail", kwargs={"pk": switzerland.mailings.get().pk})).content.decode()
    assert reverse("mailings:list", kwargs={"number": 5}) in page


def test_an_unknown_meeting_is_404(client, chair, meetings):
    client.force_login(chair)
    assert client.get(reverse("mailings:list", kwargs={"number": 99})).status_code == 404


def test_a_participant_is_refused_another_meetings_outbox(client, meetings):
    client.force_login(UserFactory())
    assert client.get(reverse("mailings:list", kwargs={"number": 5})).status_code == 403


def test_the_numbered_outbox_query_count_does_not_grow(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    url = reverse("mailings:list", kwargs={"number": 5})
    one = count_queries(client, url)
    make_mailing(2, title="Another", meeting=switzerland)
    make_mailing(1, title="A third", meeting=switzerland)
    assert count_queries(client, url) == one
