"""The public session page (roundtables) ends with the session's published papers."""

import pytest
from django.urls import reverse

from papers.models import Paper
from papers.tests.factories import PaperFactory, TranslationFactory, VersionFactory, published_paper


@pytest.fixture
def published_programme(team, chair):
    from roundtables import services as roundtables_services

    roundtables_services.programme_publish(meeting=team.session.meeting, actor=chair)
    return reverse("roundtables:session_detail", kwargs={"number": team.session.meeting.number, "pk": team.session.pk})


@pytest.mark.django_db
def test_the_session_page_lists_its_published_papers_only(client, team, published_programme):
    paper = published_paper(session=team.session, title_en="Regular channels that work")
    TranslationFactory(paper=paper, language="fr")
    draft = PaperFactory(session=team.session, kind="annex", title_en="Unfinished annex")
    VersionFactory(paper=draft)
    page = client.get(published_programme).content.decode()
    assert "Regular channels that work" in page
    assert reverse("papers:version_download", args=[paper.accepted_version.pk]) in page
    assert "Unfinished annex" not in page


@pytest.mark.django_db
def test_publishing_a_paper_changes_the_session_pages_etag(client, team, chair, published_programme):
    from papers import services

    paper = PaperFactory(session=team.session, authors=[team.author])
    VersionFactory(paper=paper)
    Paper.objects.filter(pk=paper.pk).update(state=Paper.State.SUBMITTED)
    services.paper_accept(paper=paper, actor=chair)
    before = client.get(published_programme)
    services.paper_publish(paper=paper, actor=chair)
    after = client.get(published_programme, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert paper.title in after.content.decode()


@pytest.mark.browser
def test_a_visitor_sees_the_published_papers_on_the_session_page(demo, live_server, page, screenshot):
    from playwright.sync_api import expect

    from roundtables.models import Session

    session = Session.objects.get(meeting__number=4, code="2.1")
    page.goto(f"{live_server.url}{reverse('roundtables:session_detail', kwargs={'number': 4, 'pk': session.pk})}")
    papers = page.get_by_role("region", name="Background papers")
    expect(papers.get_by_role("heading", name="Labour mobility strategies", exact=False)).to_be_visible()
    expect(papers.get_by_role("link", name="Spanish", exact=False)).to_be_visible()
    screenshot("session")
