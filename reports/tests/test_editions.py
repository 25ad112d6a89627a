"""Meetings as editions: the reports page offers one meeting's documents, named in its URL."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.queries import count_queries
from roundtables.tests.factories import two_meetings


@pytest.fixture
def meetings(db):
    return two_meetings()


def test_the_numbered_page_offers_that_meetings_documents(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    response = client.get(reverse("reports:index", kwargs={"number": 5}))
    assert response.context["meeting"] == switzerland
    page = response.content.decode()
    assert "Switzerland 2011" in page
    assert f'name="meeting" value="{switzerland.pk}"' in page
    assert 'value="reports:index"' in page


def test_the_unnumbered_page_is_the_current_meetings(client, chair, meetings):
    mexico, _switzerland = meetings
    client.force_login(chair)
    assert client.get(reverse("reports:index")).context["meeting"] == mexico


def test_an_unknown_meeting_is_404(client, chair, meetings):
    client.force_login(chair)
    assert client.get(reverse("reports:index", kwargs={"number": 99})).status_code == 404


def test_a_participant_is_refused_another_meetings_reports(client, meetings):
    client.force_login(UserFactory())
    assert client.get(reverse("reports:index", kwargs={"number": 5})).status_code == 403


def test_the_numbered_page_query_count_is_the_same_for_either_meeting(client, chair, meetings):
    client.force_login(chair)
    assert count_queries(client, reverse("reports:index", kwargs={"number": 5})) == count_queries(
        client, reverse("reports:index", kwargs={"number": 4})
    )
