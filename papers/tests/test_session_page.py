"""The public session page (roundtables) ends with the session's published papers."""

import pytest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from papers.models import Paper
from papers.tests import files
from papers.tests.factories import PaperFactory, TranslationFactory, VersionFactory, published_paper
from roundtables.tests.factories import SessionFactory


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


def changed(client, url: str, before) -> str:
    """The page asked again with the ETag it had: a new ETag and a new body, not the one kept in the
    page cache (whose key names the same stamps)."""
    after = client.get(url, headers={"if-none-match": before["ETag"]})
    assert (after.status_code, after["ETag"] != before["ETag"]) == (200, True)
    return after.content.decode()


@pytest.mark.django_db
def test_an_unrelated_change_keeps_the_session_pages_etag(client, team, published_programme):
    published_paper(session=team.session, title_en="Regular channels that work")
    before = client.get(published_programme)
    VersionFactory(paper=PaperFactory(session=team.session, kind="annex"))  # a draft: not on the page
    other = published_paper(session=SessionFactory(meeting=team.session.meeting, code="9.9"))
    TranslationFactory(paper=other, language="fr")  # another session's
    assert client.get(published_programme, headers={"if-none-match": before["ETag"]}).status_code == 304


@pytest.mark.django_db
def test_unpublishing_a_paper_changes_the_session_page(client, team, chair, published_programme):
    from papers import services

    paper = published_paper(session=team.session, title_en="Regular channels that work")
    before = client.get(published_programme)
    services.paper_unpublish(paper=paper, actor=chair, reason="Published by mistake.")
    assert "Regular channels that work" not in changed(client, published_programme, before)


@pytest.mark.django_db
def test_editing_a_published_paper_changes_the_session_page(client, team, published_programme):
    paper = published_paper(session=team.session, title_en="Regular channels that work")
    before = client.get(published_programme)
    paper.title_en = "Regular channels that work for all"
    paper.save()  # as the admin site does: `updated_at` moves
    assert "Regular channels that work for all" in changed(client, published_programme, before)


@pytest.mark.django_db
def test_a_new_translation_changes_the_session_page(client, team, chair, published_programme):
    from papers import services

    paper = published_paper(session=team.session)
    before = client.get(published_programme)
    translation = services.translation_upload(paper=paper, actor=chair, language="fr", file=files.pdf_upload())
    assert reverse("papers:translation_download", args=[translation.pk]) in changed(client, published_programme, before)


@pytest.mark.django_db
def test_a_replaced_translation_changes_the_session_page(client, team, chair, published_programme):
    from papers import services

    paper = published_paper(session=team.session)
    first = services.translation_upload(paper=paper, actor=chair, language="fr", file=files.pdf_upload())
    before = client.get(published_programme)
    longer = files.pdf_upload(text="Document de travail, version révisée et complétée " * 40)
    second = services.translation_upload(paper=paper, actor=chair, language="fr", file=longer)
    assert (second.pk, second.size != first.size) == (first.pk, True)  # the same row, another file
    assert filesizeformat(second.size) in changed(client, published_programme, before)


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
