"""The Chair's office withdraws a published paper from the library with a public note (paper_unpublish).

The design (papers.models.Paper.unpublished_at): a withdrawn published paper reuses the WITHDRAWN state, so
everything that reads "published" (the library, its search, the session page and its stamp, the downloads,
the digests, the document packs) drops it with no code of its own; `unpublished_at` and `unpublish_reason`
tell it from a draft its team withdrew, and keep its public page. Who withdrew it is in the activity log.

The rules, the page, the downloads and the library; the reason required, the mail and the session page's
stamp are tested in test_services_workflow, test_views_pages and test_session_page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mailings.models import OutgoingMail
from papers import services
from papers.models import Paper
from papers.tests.factories import PaperFactory, TranslationFactory, VersionFactory
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db
NOTE = "The figures in annex 2 were wrong; a corrected paper will follow."


def _published(team, **kwargs) -> Paper:
    paper = PaperFactory(session=team.session, authors=[team.author], title_en="Skills partnerships", **kwargs)
    version = VersionFactory(paper=paper, number=1, uploaded_by=team.author)
    Paper.objects.filter(pk=paper.pk).update(
        state=Paper.State.PUBLISHED, accepted_version=version, published_at=timezone.now()
    )
    return Paper.objects.get(pk=paper.pk)


def test_the_chairs_office_withdraws_it_and_the_team_is_told(team, chair):
    paper = _published(team)
    services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    paper.refresh_from_db()
    assert paper.is_unpublished and paper.unpublish_reason == NOTE
    mails = OutgoingMail.objects.filter(to="author@example.org")
    assert mails.count() == 1 and NOTE in mails.get().body_text


@pytest.mark.parametrize("who", ["author", "delegate", "member_focal_point", "rapporteur"])
def test_the_team_and_a_delegate_may_not(team, who):
    paper = _published(team)
    with pytest.raises(PermissionDenied):
        services.paper_unpublish(paper=paper, actor=getattr(team, who), reason=NOTE)
    assert Paper.objects.get(pk=paper.pk).is_published


def test_another_meetings_chairs_office_may_not():
    from roundtables.tests.factories import RoundtableFactory, SessionFactory
    from roundtables.tests.troika import troika

    t = troika()
    paper = PaperFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=t.geneva)))
    version = VersionFactory(paper=paper, number=1)
    Paper.objects.filter(pk=paper.pk).update(
        state=Paper.State.PUBLISHED, accepted_version=version, published_at=timezone.now()
    )
    for other in (t.mexican, t.greek):  # the troika's previous offices read it, they do not withdraw it
        with pytest.raises(PermissionDenied):
            services.paper_unpublish(paper=paper, actor=other, reason=NOTE)
    services.paper_unpublish(paper=paper, actor=t.swiss, reason=NOTE)
    assert Paper.objects.get(pk=paper.pk).is_unpublished


@pytest.mark.parametrize("state", ["draft", "submitted", "accepted", "withdrawn", "rejected"])
def test_a_paper_not_published_is_refused(team, chair, state):
    paper = _published(team)
    Paper.objects.filter(pk=paper.pk).update(state=state)
    with pytest.raises(ValidationError):
        services.paper_unpublish(paper=Paper.objects.get(pk=paper.pk), actor=chair, reason=NOTE)
    assert Paper.objects.get(pk=paper.pk).state == state


def test_a_closed_meetings_paper_is_refused(team, chair):
    paper = _published(team)
    Meeting.objects.filter(pk=team.session.meeting_id).update(closed_at=timezone.now())
    with pytest.raises((MeetingClosed, ValidationError, PermissionDenied)):
        services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    assert Paper.objects.get(pk=paper.pk).is_published


# Through the pages.


def test_the_form_asks_for_the_note_and_a_confirmation(client, team, chair):
    paper = _published(team)
    client.force_login(chair)
    page = client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    assert 'name="message" rows="3" required' in page
    assert 'value="unpublish" class="btn btn-sm btn-outline-danger" data-confirm="Withdraw this paper' in page


@pytest.mark.parametrize(("who", "status"), [("author", 403), ("co_chair_focal_point", 403), ("delegate", 404)])
def test_the_team_is_refused_and_a_delegate_does_not_see_the_form(client, team, who, status):
    # A delegate reads the public page, not the workspace the form belongs to: 404, as for any workspace.
    paper = _published(team)
    client.force_login(getattr(team, who))
    response = client.post(reverse("papers:transition", args=[paper.pk]), {"action": "unpublish", "message": NOTE})
    assert response.status_code == status
    assert Paper.objects.get(pk=paper.pk).is_published


def test_the_public_page_stays_marked_withdrawn_without_downloads(client, team, chair):
    paper = _published(team)
    translation = TranslationFactory(paper=paper, language="fr")
    services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    response = client.get(reverse("papers:detail", args=[paper.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Withdrawn from the library on" in page and NOTE in page
    assert reverse("papers:version_download", args=[paper.accepted_version_id]) not in page
    assert reverse("papers:translation_download", args=[translation.pk]) not in page


def test_its_files_are_gone_for_the_public_with_a_page_saying_why(client, team, chair):
    paper = _published(team)
    translation = TranslationFactory(paper=paper, language="fr")
    services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    for url in (
        reverse("papers:version_download", args=[paper.accepted_version_id]),
        reverse("papers:translation_download", args=[translation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 410
        assert response["Content-Type"].startswith("text/html")
        page = response.content.decode()
        assert "This paper is no longer offered for download" in page and NOTE in page
        assert reverse("papers:detail", args=[paper.pk]) in page
    # A delegate is the public here; the team keeps its files (privately) to correct them.
    client.force_login(team.delegate)
    assert client.get(reverse("papers:version_download", args=[paper.accepted_version_id])).status_code == 410
    client.force_login(team.author)
    response = client.get(reverse("papers:version_download", args=[paper.accepted_version_id]))
    response.close()  # the file's handle
    assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")


def test_an_earlier_version_of_a_withdrawn_paper_stays_a_404(client, team, chair):
    paper = _published(team)
    later = VersionFactory(paper=paper, number=2)
    services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    assert client.get(reverse("papers:version_download", args=[later.pk])).status_code == 404


def test_it_leaves_the_library_its_search_and_the_meetings_library(client, team, chair):
    from roundtables import services as roundtables_services

    Meeting.objects.filter(pk=team.session.meeting_id).update(status=Meeting.Status.HELD)
    roundtables_services.programme_publish(meeting=team.session.meeting, actor=chair)  # the meeting is public
    paper = _published(team)
    kept = _published(team, kind="annex")
    Paper.objects.filter(pk=kept.pk).update(title_en="Skills partnerships: the annex")
    services.paper_unpublish(paper=paper, actor=chair, reason=NOTE)
    number = team.session.meeting.number
    for url in (
        reverse("papers:library"),
        reverse("papers:library") + "?q=skills",
        reverse("papers:meeting_library", kwargs={"number": number}),
        reverse("papers:meeting_library", kwargs={"number": number}) + "?q=partnerships",
    ):
        assert [p.pk for p in client.get(url).context["papers"]] == [kept.pk], url
