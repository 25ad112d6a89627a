"""The papers' lists in pages: the same queries for one page of rows as for three, and the filters
kept by the link to page 2 (gfmd.tests.paging). The pages are made two papers long."""

import pytest
from django.urls import reverse

from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from papers.tests.factories import PaperFactory, TranslationFactory, published_paper
from papers.views import chair as chair_views
from papers.views import public
from roundtables import services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_meeting_library_pages_cost_the_same_and_keep_the_filters(client, chair, monkeypatch):
    monkeypatch.setattr(public, "PER_PAGE", 2)
    meeting = MeetingFactory(number=3, status=Meeting.Status.HELD)
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=1), meeting=meeting, code="1.1")
    services.programme_publish(meeting=meeting, actor=chair)
    url = reverse("papers:meeting_library", kwargs={"number": 3}) + "?language=en"

    def add(count):
        for _ in range(count):
            TranslationFactory(paper=published_paper(session=session, kind="annex"))

    assert_pages_cost_the_same(client, url, add, per_page=2)
    assert page_link(client.get(url)) == {"language": ["en"], "page": ["2"]}


def test_overview_papers_come_in_pages_that_cost_the_same_and_keep_the_state(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(chair_views, "PAPERS_PER_PAGE", 2)
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting), meeting=meeting)
    client.force_login(chair)
    url = reverse("papers:overview", kwargs={"number": meeting.number}) + "?state=draft"
    assert_pages_cost_the_same(
        client, url, lambda n: PaperFactory.create_batch(n, session=session, kind="annex"), per_page=2
    )
    PaperFactory(session=session, kind="annex", state="submitted")
    response = client.get(url)
    assert page_link(response) == {"state": ["draft"], "page": ["2"]}
    # The tiles count the whole meeting's papers, not the page's.
    counts = {value: count for value, _label, count in response.context["overview"].state_counts}
    assert (counts["draft"], counts["submitted"]) == (6, 1)
    assert len(response.context["papers"]) == 2


def test_every_meetings_library_offers_meetings_not_every_session(client, chair):
    meeting = MeetingFactory(number=3, status=Meeting.Status.HELD)
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=1), meeting=meeting, code="1.1")
    services.programme_publish(meeting=meeting, actor=chair)
    published_paper(session=session)
    page = client.get(reverse("papers:library")).content.decode()
    assert 'name="meeting"' in page
    assert 'name="session"' not in page and 'name="roundtable"' not in page
    # A session named by an older link is kept by the filters' form.
    page = client.get(reverse("papers:library"), {"session": session.pk}).content.decode()
    assert f'<input type="hidden" name="session" value="{session.pk}">' in page
    # The meeting's own library offers its roundtables, and a roundtable's sessions once it is chosen.
    other = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=2), meeting=meeting, code="2.1")
    library = reverse("papers:meeting_library", kwargs={"number": 3})
    page = client.get(library).content.decode()
    assert 'name="roundtable"' in page and '<select name="session"' not in page
    assert "Choose a roundtable, then one of its sessions." in page
    page = client.get(library, {"roundtable": session.roundtable_id}).content.decode()
    offered = page[page.index('<select name="session"') :]
    offered = offered[: offered.index("</select>")]
    assert "1.1" in offered and "2.1" not in offered
    # A session named by a link without its roundtable still filters, kept hidden.
    response = client.get(library, {"session": other.pk})
    assert f'<input type="hidden" name="session" value="{other.pk}">' in response.content.decode()
    assert response.context["form"].cleaned_data["session"] == other
