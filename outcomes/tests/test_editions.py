"""Meetings as editions: the outcomes list names its meeting in the URL."""

import pytest
from django.urls import reverse

from gfmd.tests.queries import count_queries
from outcomes.tests.factories import rapporteur_of
from roundtables.tests.factories import RoundtableFactory, SessionFactory, two_meetings


@pytest.fixture
def meetings(db):
    mexico, switzerland = two_meetings()
    for meeting, code in ((mexico, "2010-A"), (switzerland, "2011-B")):
        SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code=code, title_en=f"Session {code}")
    return mexico, switzerland


def test_the_numbered_list_shows_that_meetings_sessions_only(client, chair, meetings):
    client.force_login(chair)
    response = client.get(reverse("outcomes:list", kwargs={"number": 5}))
    assert [s.code for s in response.context["sessions"]] == ["2011-B"]
    page = response.content.decode()
    assert "Switzerland 2011" in page and 'value="outcomes:list"' in page


def test_a_rapporteur_sees_their_session_in_its_meeting_only(client, meetings):
    _mexico, switzerland = meetings
    rapporteur = rapporteur_of(switzerland.sessions.get())
    client.force_login(rapporteur)
    assert [s.code for s in client.get(reverse("outcomes:list", kwargs={"number": 5})).context["sessions"]] == [
        "2011-B"
    ]
    assert list(client.get(reverse("outcomes:list", kwargs={"number": 4})).context["sessions"]) == []


def test_the_workspace_links_back_to_its_meetings_list(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    session = switzerland.sessions.get()
    page = client.get(reverse("outcomes:workspace", kwargs={"session_pk": session.pk})).content.decode()
    assert reverse("outcomes:list", kwargs={"number": 5}) in page


def test_an_unknown_meeting_is_404(client, chair, meetings):
    client.force_login(chair)
    assert client.get(reverse("outcomes:list", kwargs={"number": 99})).status_code == 404


def test_the_numbered_list_query_count_does_not_grow(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    url = reverse("outcomes:list", kwargs={"number": 5})
    one = count_queries(client, url)
    for code in ("2011-C", "2011-D"):
        SessionFactory(roundtable=RoundtableFactory(meeting=switzerland), code=code)
    assert count_queries(client, url) == one
