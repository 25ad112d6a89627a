"""Meetings as editions: the papers overview, the deadline and "my papers" name their meeting in the URL."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.queries import count_queries
from papers.models import SubmissionDeadline
from papers.tests.factories import PaperFactory
from roundtables.models import SessionPerson
from roundtables.tests.factories import RoundtableFactory, SessionFactory, two_meetings


@pytest.fixture
def meetings(db):
    mexico, switzerland = two_meetings()
    for meeting, code in ((mexico, "2010-A"), (switzerland, "2011-B")):
        session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code=code)
        PaperFactory(session=session, title_en=f"Paper of {code}")
    return mexico, switzerland


def test_the_numbered_overview_shows_that_meetings_papers_only(client, chair, meetings):
    client.force_login(chair)
    response = client.get(reverse("papers:overview", kwargs={"number": 5}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Switzerland 2011" in page
    assert "Paper of 2011-B" in page and "Paper of 2010-A" not in page
    assert response.wsgi_request.path == "/papers/meetings/5/overview/"


def test_the_unnumbered_overview_is_the_current_meetings(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("papers:overview")).content.decode()
    assert "Paper of 2010-A" in page and "Paper of 2011-B" not in page


def test_the_deadline_set_on_a_numbered_overview_is_that_meetings(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    response = client.post(reverse("papers:meeting_deadline", kwargs={"number": 5}), {"due_at": "2011-10-01T12:00"})
    assert response.status_code == 302
    assert response["Location"] == reverse("papers:overview", kwargs={"number": 5})
    assert SubmissionDeadline.objects.get(session=None).meeting == switzerland


def test_a_session_deadline_leads_back_to_its_meetings_overview(client, chair, meetings):
    _mexico, switzerland = meetings
    session = switzerland.sessions.get()
    client.force_login(chair)
    response = client.get(reverse("papers:session_deadline", kwargs={"session_id": session.pk}))
    assert response.status_code == 200
    assert reverse("papers:overview", kwargs={"number": 5}) in response.content.decode()


def test_my_papers_of_a_numbered_meeting(client, meetings):
    _mexico, switzerland = meetings
    author = UserFactory()
    session = switzerland.sessions.get()
    SessionPerson.objects.create(session=session, person=author, role=SessionPerson.Role.AUTHOR)
    client.force_login(author)
    response = client.get(reverse("papers:mine", kwargs={"number": 5}))
    assert [s.code for s in response.context["sessions"]] == ["2011-B"]
    assert "Switzerland 2011" in response.content.decode()
    assert list(client.get(reverse("papers:mine", kwargs={"number": 4})).context["sessions"]) == []


@pytest.mark.parametrize("name", ["papers:overview", "papers:mine"])
def test_an_unknown_meeting_is_404(client, chair, meetings, name):
    client.force_login(chair)
    assert client.get(reverse(name, kwargs={"number": 99})).status_code == 404


@pytest.mark.parametrize("name", ["papers:overview", "papers:meeting_deadline"])
def test_a_participant_is_refused_the_overview_of_another_meeting(client, meetings, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name, kwargs={"number": 5})).status_code == 403


def test_the_numbered_overview_query_count_does_not_grow(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    url = reverse("papers:overview", kwargs={"number": 5})
    one = count_queries(client, url)
    for code in ("2011-C", "2011-D"):
        PaperFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=switzerland), code=code))
    assert count_queries(client, url) == one


def test_the_overview_has_the_meeting_switcher(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("papers:overview", kwargs={"number": 5})).content.decode()
    assert 'value="papers:overview"' in page and "Mexico 2010" in page
