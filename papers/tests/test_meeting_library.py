"""A meeting's library at its own URL, /meetings/<number>/papers/: the archive's meeting page counts its
published papers and links there; the old filter by primary key (/papers/?meeting=<pk>) redirects there."""

import pytest
from django.urls import reverse

from papers.models import Paper
from papers.tests.factories import PaperFactory, TranslationFactory, published_paper
from papers.views import public
from roundtables import services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


def _public_meeting(chair, number, *, codes=("1.1",)):
    meeting = MeetingFactory(number=number, status=Meeting.Status.HELD)
    roundtable = RoundtableFactory(meeting=meeting, number=1)
    sessions = [SessionFactory(roundtable=roundtable, meeting=meeting, code=code) for code in codes]
    services.programme_publish(meeting=meeting, actor=chair)
    return meeting, sessions


def _url(meeting):
    return reverse("papers:meeting_library", kwargs={"number": meeting.number})


@pytest.mark.django_db
def test_meeting_page_links_to_its_papers_in_the_library(client, chair):
    athens, (first, second, third) = _public_meeting(chair, 3, codes=("1.1", "1.2", "1.3"))
    published_paper(session=first)
    published_paper(session=second)
    PaperFactory(session=third, state=Paper.State.DRAFT)
    page = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3})).content.decode()
    assert "2 published papers of this meeting." in page
    assert f'href="{_url(athens)}"' in page
    assert _url(athens) == "/meetings/3/papers/"
    library = client.get(_url(athens))
    assert len(library.context["papers"]) == 2


@pytest.mark.django_db
def test_only_the_meetings_published_papers(client, chair):
    athens, (session, other_session) = _public_meeting(chair, 3, codes=("1.1", "1.2"))
    _mexico, (mexico_session,) = _public_meeting(chair, 4)
    here = published_paper(session=session, title_en="Athens paper")
    PaperFactory(session=other_session, state=Paper.State.SUBMITTED, title_en="Submitted, not public")
    published_paper(session=mexico_session, title_en="Mexico paper")
    response = client.get(_url(athens))
    assert [p.pk for p in response.context["papers"]] == [here.pk]
    html = response.content.decode()
    assert "Submitted, not public" not in html
    assert "Mexico paper" not in html
    # The page names the meeting: title, heading, and the way back to the meeting's page.
    assert f"<title>Background papers: {athens.title}" in html
    assert f"Background papers: {athens.title}</h1>" in html
    assert f'href="{reverse("roundtables:meeting_detail", kwargs={"number": 3})}"' in html
    # No meeting filter: the URL names the meeting.
    assert 'name="meeting"' not in html


@pytest.mark.django_db
def test_a_meeting_that_is_not_public_answers_404(client, chair):
    MeetingFactory(number=5, status=Meeting.Status.PLANNING)  # in preparation
    MeetingFactory(number=6, status=Meeting.Status.HELD)  # no programme published
    for number in (5, 6, 99):
        assert client.get(reverse("papers:meeting_library", kwargs={"number": number})).status_code == 404


@pytest.mark.django_db
def test_search_and_filters_keep_the_meeting(client, chair):
    athens, (session, other_session) = _public_meeting(chair, 3, codes=("1.1", "1.2"))
    _mexico, (mexico_session,) = _public_meeting(chair, 4)
    spanish = published_paper(session=session, title_en="Remittances in Spanish", language="es")
    published_paper(session=other_session, title_en="Remittances in English")
    published_paper(session=mexico_session, title_en="Remittances in Spanish too", language="es")
    assert [p.pk for p in client.get(_url(athens), {"language": "es"}).context["papers"]] == [spanish.pk]
    assert [p.pk for p in client.get(_url(athens), {"q": "spanish"}).context["papers"]] == [spanish.pk]
    assert [p.pk for p in client.get(_url(athens), {"session": session.pk}).context["papers"]] == [spanish.pk]
    html = client.get(_url(athens), {"language": "es"}).content.decode()
    assert f'action="{_url(athens)}"' in html
    # Another meeting's session is no choice here: the filter is refused, the meeting's papers stay.
    assert len(client.get(_url(athens), {"session": mexico_session.pk}).context["papers"]) == 2


@pytest.mark.django_db
def test_pages_keep_the_meeting_and_the_filters(client, chair, monkeypatch):
    monkeypatch.setattr(public, "PER_PAGE", 1)
    athens, (session,) = _public_meeting(chair, 3)
    _mexico, (mexico_session,) = _public_meeting(chair, 4)
    first = published_paper(session=session, kind="background")
    second = published_paper(session=session, kind="annex")
    published_paper(session=mexico_session)
    response = client.get(_url(athens), {"language": "en"})
    html = response.content.decode()
    assert "2 published papers." in html
    assert 'href="?language=en&amp;page=2"' in html
    page_two = client.get(_url(athens), {"language": "en", "page": 2})
    assert {p.pk for p in response.context["papers"]} | {p.pk for p in page_two.context["papers"]} == {
        first.pk,
        second.pk,
    }
    assert 'href="?language=en&amp;page=1"' in page_two.content.decode()


@pytest.mark.django_db
def test_old_links_by_primary_key_redirect_to_the_numbered_url(client, chair):
    athens, (session,) = _public_meeting(chair, 3)
    response = client.get(reverse("papers:library"), {"meeting": athens.pk})
    assert response.status_code == 302
    assert response.url == "/meetings/3/papers/"
    response = client.get(reverse("papers:library"), {"meeting": athens.pk, "session": session.pk, "page": 2})
    assert response.url == f"/meetings/3/papers/?session={session.pk}"
    # A meeting that is not public has no numbered library: the filter answers as before, with nothing to leak.
    preparing = MeetingFactory(number=5, status=Meeting.Status.PLANNING)
    assert client.get(reverse("papers:library"), {"meeting": preparing.pk}).status_code == 200


@pytest.mark.django_db
def test_the_library_of_all_meetings_stays(client, chair):
    _athens, (session,) = _public_meeting(chair, 3)
    _mexico, (mexico_session,) = _public_meeting(chair, 4)
    published_paper(session=session)
    published_paper(session=mexico_session)
    response = client.get(reverse("papers:library"))
    assert len(response.context["papers"]) == 2
    assert 'name="meeting"' in response.content.decode()


@pytest.mark.django_db
def test_a_published_paper_names_its_meeting_and_links_to_its_library(client, chair):
    athens, (session,) = _public_meeting(chair, 3)
    paper = published_paper(session=session)
    html = client.get(reverse("papers:detail", kwargs={"pk": paper.pk})).content.decode()
    assert f'<a href="{_url(athens)}">{athens.city} {athens.start_date.year}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_meeting_library_query_count_does_not_grow_with_papers(client, chair, django_assert_num_queries, count):
    athens, (session,) = _public_meeting(chair, 3)
    for kind in ("background", "annex", "case_study")[:count]:
        TranslationFactory(paper=published_paper(session=session, kind=kind))
    # the meeting, the count, a page of papers, their authors, delegations and translations, the
    # roundtables offered (sessions only once a roundtable is chosen)
    with django_assert_num_queries(7):
        response = client.get(_url(athens))
    assert len(response.context["papers"]) == count
