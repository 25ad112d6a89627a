"""Downloads: permission first, then an attachment a browser will neither sniff nor run."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import make_focal_point
from papers.models import Paper
from papers.tests.factories import PaperFactory, TranslationFactory, VersionFactory, published_paper
from papers.tests.files import pdf_bytes


def _body(response) -> bytes:
    body = b"".join(response.streaming_content)
    response.close()
    return body


@pytest.fixture
def client(client):
    """Closes every streamed file the test does not read (as the web server would)."""

    class ClosingClient:
        def __getattr__(self, name):
            return getattr(client, name)

        def get(self, *args, **kwargs):
            response = client.get(*args, **kwargs)
            if getattr(response, "streaming", False):
                content = b"".join(response.streaming_content)
                response.close()
                response.streaming_content = iter([content])
            return response

    return ClosingClient()


@pytest.mark.django_db
def test_anyone_downloads_the_published_version_as_a_safe_attachment(client, team):
    paper = published_paper(session=team.session, title_en='Partnerships: "public" & private / 2010')
    response = client.get(reverse("papers:version_download", args=[paper.accepted_version.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="GFMD-2010-1.1-Partnerships-public-private-2010.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert _body(response) == pdf_bytes()


@pytest.mark.django_db
@pytest.mark.parametrize("state", [s for s in Paper.State.values if s != "published"])
def test_anonymous_download_of_an_unpublished_paper_is_a_404(client, team, state):
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT)
    version = VersionFactory(paper=paper)
    Paper.objects.filter(pk=paper.pk).update(state=state, accepted_version=version)
    assert client.get(reverse("papers:version_download", args=[version.pk])).status_code == 404


@pytest.mark.django_db
def test_an_earlier_version_of_a_published_paper_stays_private(client, team):
    paper = PaperFactory(session=team.session)
    draft = VersionFactory(paper=paper, number=1)
    final = VersionFactory(paper=paper, number=2)
    Paper.objects.filter(pk=paper.pk).update(state="published", accepted_version=final, published_at=paper.created_at)
    assert client.get(reverse("papers:version_download", args=[draft.pk])).status_code == 404
    client.force_login(team.member_focal_point)
    assert client.get(reverse("papers:version_download", args=[draft.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["stranger", "outsider", "other_co_chair_focal_point"])
def test_a_draft_is_a_404_for_people_off_the_team(client, team, outsider, who):
    from delegations.tests.factories import DelegationFactory
    from roundtables.tests.factories import SessionDelegationFactory, SessionFactory

    version = VersionFactory(paper=PaperFactory(session=team.session))
    if who == "other_co_chair_focal_point":
        other = DelegationFactory(country="ES", name="Spain")
        SessionDelegationFactory(
            session=SessionFactory(roundtable=team.session.roundtable, code="1.2"), delegation=other
        )
        user = UserFactory()
        make_focal_point(user, other)
    else:
        user = {"stranger": UserFactory(), "outsider": outsider}[who]
    client.force_login(user)
    assert client.get(reverse("papers:version_download", args=[version.pk])).status_code == 404


@pytest.mark.django_db
def test_the_team_downloads_a_draft_under_its_sanitised_name(client, team):
    version = VersionFactory(
        paper=PaperFactory(session=team.session), original_name='../../etc/Informe "final"\r\nX-Evil: 1 (v2).pdf'
    )
    client.force_login(team.rapporteur)
    response = client.get(reverse("papers:version_download", args=[version.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="Informe-final-X-Evil-1-v2.pdf"'
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_the_chairs_office_downloads_any_version(client, team, chair):
    version = VersionFactory(paper=PaperFactory(session=team.session))
    client.force_login(chair)
    assert client.get(reverse("papers:version_download", args=[version.pk])).status_code == 200


@pytest.mark.django_db
def test_a_translation_of_a_published_paper_is_public(client, team):
    translation = TranslationFactory(paper=published_paper(session=team.session, title_en="Remittances"))
    response = client.get(reverse("papers:translation_download", args=[translation.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="GFMD-2010-1.1-Remittances-es.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.django_db
def test_a_translation_of_an_accepted_paper_is_a_404_for_the_public(client, team):
    paper = PaperFactory(session=team.session)
    version = VersionFactory(paper=paper)
    Paper.objects.filter(pk=paper.pk).update(state="accepted", accepted_version=version)
    translation = TranslationFactory(paper=paper)
    assert client.get(reverse("papers:translation_download", args=[translation.pk])).status_code == 404


@pytest.mark.django_db
def test_a_missing_file_is_a_404(client, team):
    paper = published_paper(session=team.session)
    paper.accepted_version.file.storage.delete(paper.accepted_version.file.name)
    assert client.get(reverse("papers:version_download", args=[paper.accepted_version.pk])).status_code == 404


@pytest.mark.django_db
def test_download_refuses_post(client, team):
    paper = published_paper(session=team.session)
    assert client.post(reverse("papers:version_download", args=[paper.accepted_version.pk])).status_code == 405
