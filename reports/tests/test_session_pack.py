"""A session's document pack: its published papers in the reader's language (else their own), its programme
entry and a README, in a zip anyone may ask for while the session is in the published programme; one file per
session, language and state of its papers, whoever asks."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from papers.models import Paper
from papers.tests.factories import TranslationFactory, published_paper
from papers.tests.files import pdf_bytes
from reports import services
from reports.documents import session_pack
from reports.models import GeneratedFile
from reports.tests.test_views import read_download as body_of
from reports.throttle import ReportThrottled
from roundtables import services as roundtable_services
from roundtables.models import Meeting, SessionDelegation, SessionPerson
from roundtables.tests.factories import (
    MeetingFactory,
    RoomFactory,
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)

pytestmark = pytest.mark.django_db

VALLARTA = dt.timezone(dt.timedelta(hours=-6))


@pytest.fixture
def session(chair):
    from delegations.tests.factories import DelegationFactory

    meeting = MeetingFactory(number=4, title_en="Fourth Meeting", is_current=True, time_zone="America/Mexico_City")
    session = SessionFactory(
        roundtable=RoundtableFactory(meeting=meeting, number=2, title_en="Human mobility and human development"),
        code="2.1",
        title_en="Labour mobility",
        title_es="Movilidad laboral",
        room=RoomFactory(meeting=meeting, name="Sala B"),
        starts_at=dt.datetime(2010, 11, 9, 10, tzinfo=VALLARTA),
        ends_at=dt.datetime(2010, 11, 9, 12, tzinfo=VALLARTA),
    )
    SessionDelegationFactory(
        session=session, delegation=DelegationFactory(country="IN", name="India"), role=SessionDelegation.Role.CO_CHAIR
    )
    SessionPersonFactory(
        session=session,
        person__first_name="Ana",
        person__last_name="Ruiz",
        person__organisation="IOM",
        role=SessionPerson.Role.RAPPORTEUR,
    )
    roundtable_services.programme_publish(meeting=meeting, actor=chair)
    return session


def paper_in(session, title_en: str, *, title_es: str = "", language: str = "en", spanish_file: bytes | None = None):
    # One background paper per session; the others are case studies (listed after it).
    has_background = session.papers.filter(kind=Paper.Kind.BACKGROUND).exists()
    kind = Paper.Kind.CASE_STUDY if has_background else Paper.Kind.BACKGROUND
    paper = published_paper(session=session, title_en=title_en, title_es=title_es, language=language, kind=kind)
    if spanish_file is not None:
        TranslationFactory(paper=paper, language="es", file__data=spanish_file, file__filename="es.pdf")
    return paper


def stored_bytes(stored) -> bytes:
    with stored.file.open("rb") as handle:
        return handle.read()


def _zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def build(params: dict) -> bytes:
    target = io.BytesIO()
    session_pack.write(params, target, lambda percent: None)
    return target.getvalue()


def params_for(session, language: str) -> dict:
    return services.session_pack_params(session_id=session.pk, language=language)


def pack_url(session, **query) -> str:
    url = reverse("reports:session_pack", kwargs={"pk": session.pk})
    return f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else url


# The renderer ---------------------------------------------------------------------------------------------------


def test_the_pack_holds_each_paper_in_the_language_asked_for_else_its_own(session):
    translated = paper_in(
        session, "Labour mobility strategies", title_es="Estrategias de movilidad", spanish_file=pdf_bytes("Hola")
    )
    paper_in(session, "Country case study: reintegration")
    Paper.objects.filter(pk=paper_in(session, "Draft nobody may see").pk).update(state=Paper.State.ACCEPTED)

    archive = _zip(build(params_for(session, "es")))

    names = archive.namelist()
    assert names == [
        "README.txt",
        "programme-entry.txt",
        "2.1 - Estrategias de movilidad.pdf",
        "2.1 - Country case study reintegration.pdf",
    ]
    assert archive.read("2.1 - Estrategias de movilidad.pdf") == stored_bytes(translated.translations.get())
    readme = archive.read("README.txt").decode()
    assert "Paquete de documentos" in readme or "2.1" in readme  # the lead translates the words
    fallen = readme.split("\n\n")[2]
    assert "2.1 - Country case study reintegration.pdf" in fallen
    assert "Estrategias" not in fallen
    for info in archive.infolist():
        assert not info.filename.startswith("/") and ".." not in info.filename and "\\" not in info.filename


def test_in_english_the_accepted_version_is_packed(session):
    paper = paper_in(session, "Labour mobility strategies", spanish_file=pdf_bytes("Hola"))
    archive = _zip(build(params_for(session, "en")))
    assert archive.read("2.1 - Labour mobility strategies.pdf") == stored_bytes(paper.accepted_version)
    assert "Not available in" not in archive.read("README.txt").decode()


def test_a_paper_written_in_spanish_comes_as_it_is_in_spanish(session):
    paper = paper_in(session, "", title_es="Migración y desarrollo", language="es")
    archive = _zip(build(params_for(session, "es")))
    assert archive.read("2.1 - Migración y desarrollo.pdf") == stored_bytes(paper.accepted_version)


def test_the_programme_entry_names_code_title_time_room_and_team(session):
    paper_in(session, "Labour mobility strategies")
    entry = _zip(build(params_for(session, "es"))).read("programme-entry.txt").decode()
    assert "2.1 Movilidad laboral" in entry
    assert "Sala B, Convention Center" in entry
    assert "India" in entry
    assert "Ana Ruiz (IOM)" in entry
    assert "10:00" in entry and "12:00" in entry
    assert "Fourth Meeting" in entry


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../etc/passwd", "2.1 - . . etc passwd.pdf"),
        ("/absolute/path", "2.1 - absolute path.pdf"),
        ("C:\\Windows\\evil", "2.1 - C Windows evil.pdf"),
        # A control character (not NUL: PostgreSQL cannot store it, and Django's forms refuse it anyway).
        ("new\nline\x1bescape\ttab", "2.1 - new line escape tab.pdf"),
        ('a<b>c:d"e|f?g*h', "2.1 - a b c d e f g h.pdf"),
        ("...", "2.1.pdf"),
    ],
)
def test_hostile_titles_give_plain_names_inside_the_zip(session, title, expected):
    paper_in(session, title)
    archive = _zip(build(params_for(session, "en")))
    name = archive.namelist()[2]
    assert name == expected
    assert "/" not in name and "\\" not in name and ".." not in name


def test_two_papers_with_one_title_get_two_names_and_long_titles_are_cut(session):
    paper_in(session, "Same title")
    paper_in(session, "Same title")
    paper_in(session, "x" * 300)
    names = _zip(build(params_for(session, "en"))).namelist()[2:]
    assert names[:2] == ["2.1 - Same title.pdf", "2.1 - Same title (2).pdf"]
    assert len(names[2]) == 120 + len(".pdf")


def test_the_same_papers_give_the_same_bytes(session):
    paper_in(session, "Labour mobility strategies", spanish_file=pdf_bytes("Hola"))
    assert build(params_for(session, "es")) == build(params_for(session, "es"))


def test_a_pack_over_the_cap_fails_with_a_message(session, settings):
    paper_in(session, "Labour mobility strategies")
    settings.REPORTS_PACK_MAX_BYTES = 10
    reason = session_pack.unavailable(params_for(session, "en"))
    assert "larger than a pack may hold" in reason
    with pytest.raises(services.ReportError, match="larger than a pack may hold"):
        build(params_for(session, "en"))


def test_a_stored_size_that_lies_is_caught_while_copying(session, settings):
    paper = paper_in(session, "Labour mobility strategies")
    type(paper.accepted_version).objects.filter(pk=paper.accepted_version_id).update(size=1)
    settings.REPORTS_PACK_MAX_BYTES = 100
    with pytest.raises(services.ReportError, match="larger than a pack may hold"):
        build(params_for(session, "en"))


# The request --------------------------------------------------------------------------------------------------


def test_anonymous_reader_asks_then_downloads_the_pack(client, session, django_capture_on_commit_callbacks):
    paper_in(session, "Labour mobility strategies", spanish_file=pdf_bytes("Hola"))
    page = client.get(pack_url(session, language="es"))
    assert page.status_code == 200
    assert "Prepare the pack in Spanish" in page.content.decode()
    assert not GeneratedFile.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pack_url(session), {"language": "es"})
    assert response.status_code == 302
    assert response["Location"] == pack_url(session, language="es")
    [generated] = GeneratedFile.objects.all()
    assert (generated.kind, generated.state, generated.requested_by) == ("session_pack", "done", None)
    assert generated.parameters["language"] == "es"
    assert generated.filename == "gfmd-4-session-2-1-papers-es.zip"

    page = client.get(pack_url(session, language="es")).content.decode()
    download = reverse("reports:session_pack_download", kwargs={"pk": session.pk, "file_pk": generated.pk})
    assert download in page
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="gfmd-4-session-2-1-papers-es.zip"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "2.1 - Labour mobility strategies.pdf" in _zip(body_of(response)).namelist()


def test_one_job_serves_everyone_until_the_papers_change(client, session, django_capture_on_commit_callbacks):
    paper_in(session, "Labour mobility strategies")
    first = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="1.1.1.1")
    second = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="2.2.2.2")
    assert first.pk == second.pk and first.state == "queued"
    # Another language is another file.
    french = services.session_pack_request(session_id=session.pk, language="fr", user=_anonymous(), client="1.1.1.1")
    assert french.pk != first.pk
    # Once made, the file is handed out again, not made again.
    services.report_generate(file_id=first.pk)
    again = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="3.3.3.3")
    assert again.pk == first.pk and again.state == "done"
    # A new paper is a new pack.
    paper_in(session, "Country case study")
    newer = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="3.3.3.3")
    assert newer.pk != first.pk
    assert GeneratedFile.objects.filter(kind="session_pack").count() == 3


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_unknown_and_unpublished_sessions_answer_404(client, session, chair):
    paper_in(session, "Labour mobility strategies")
    unpublished = SessionFactory(roundtable=session.roundtable, code="2.9")  # added after the release
    paper_in(unpublished, "Not in the programme")
    planning = MeetingFactory(number=5, status=Meeting.Status.PLANNING)
    hidden = SessionFactory(roundtable=RoundtableFactory(meeting=planning), code="1.1")
    paper_in(hidden, "Of a meeting in preparation")
    roundtable_services.programme_publish(meeting=planning, actor=chair)

    for pk in (unpublished.pk, hidden.pk, 999999):
        url = reverse("reports:session_pack", kwargs={"pk": pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {"language": "en"}).status_code == 404
    assert not GeneratedFile.objects.exists()


def test_a_session_without_published_papers_says_so_and_makes_nothing(client, session):
    page = client.get(pack_url(session)).content.decode()
    assert "No paper of this session has been published yet." in page
    assert "Prepare the pack" not in page
    client.post(pack_url(session), {"language": "en"})
    assert not GeneratedFile.objects.exists()


def test_anonymous_requests_are_throttled_per_address(client, session, settings):
    settings.REPORTS_REQUESTS_PER_WINDOW = 2
    paper_in(session, "Labour mobility strategies")
    for language in ("en", "fr"):
        assert client.post(pack_url(session), {"language": language}, REMOTE_ADDR="198.51.100.7").status_code == 302
    refused = client.post(pack_url(session), {"language": "es"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    # Another address is counted apart.
    assert client.post(pack_url(session), {"language": "es"}, REMOTE_ADDR="198.51.100.8").status_code == 302
    with pytest.raises(ReportThrottled):
        services.session_pack_request(session_id=session.pk, language="es", user=_anonymous(), client="198.51.100.7")


def test_the_language_is_the_one_chosen_else_the_readers(client, session):
    paper_in(session, "Labour mobility strategies")
    client.post(pack_url(session), {"language": "fr"})
    client.post(pack_url(session), {"language": "xx"}, headers={"accept-language": "es"})
    assert sorted(GeneratedFile.objects.values_list("parameters__language", flat=True)) == ["es", "fr"]


def test_the_download_of_another_session_or_an_unfinished_pack_is_404(client, session):
    paper_in(session, "Labour mobility strategies")
    generated = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="x")
    other = SessionFactory(roundtable=session.roundtable)
    url = reverse("reports:session_pack_download", kwargs={"pk": session.pk, "file_pk": generated.pk})
    assert client.get(url).status_code == 404  # queued
    services.report_generate(file_id=generated.pk)
    response = client.get(url)
    assert response.status_code == 200
    body_of(response)
    wrong = reverse("reports:session_pack_download", kwargs={"pk": other.pk, "file_pk": generated.pk})
    assert client.get(wrong).status_code == 404
    # Once the session leaves the published programme, its pack is no longer served.
    Meeting.objects.filter(pk=session.meeting_id).update(is_current=False, status=Meeting.Status.PLANNING)
    assert client.get(url).status_code == 404


def test_the_status_fragment_shows_progress_then_the_link(client, session):
    paper_in(session, "Labour mobility strategies")
    generated = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="x")
    url = reverse("reports:session_pack_status", kwargs={"pk": session.pk, "file_pk": generated.pk})
    GeneratedFile.objects.filter(pk=generated.pk).update(state="running", progress=40)
    fragment = client.get(url, {"polling": "1"}).content.decode()
    assert 'value="40"' in fragment and "data-hx-get" in fragment
    services.report_fail(file_id=generated.pk, error="stop")  # running -> failed, for the next step
    GeneratedFile.objects.filter(pk=generated.pk).update(state="queued")
    services.report_generate(file_id=generated.pk)
    fragment = client.get(url, {"polling": "1"}).content.decode()
    assert "Download the pack" in fragment and "data-hx-get" not in fragment


def test_a_worker_dying_three_times_fails_the_pack(session):
    paper_in(session, "Labour mobility strategies")
    generated = services.session_pack_request(session_id=session.pk, language="en", user=_anonymous(), client="x")
    GeneratedFile.objects.filter(pk=generated.pk).update(state="running", attempts=GeneratedFile.MAX_ATTEMPTS)
    services.report_generate(file_id=generated.pk)
    generated.refresh_from_db()
    assert generated.state == "failed" and "stopped before finishing" in generated.error


# The links ------------------------------------------------------------------------------------------------------


def test_the_session_page_links_to_the_pack_with_a_plain_form(client, session):
    url = reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session.pk})
    assert pack_url(session) not in client.get(url).content.decode()  # no paper yet
    paper_in(session, "Labour mobility strategies")
    page = client.get(url).content.decode()
    papers = page[page.index('class="session-papers') :]
    papers = papers[: papers.index("</section>")]
    assert f'<form method="get" action="{pack_url(session)}"' in papers
    assert "csrfmiddlewaretoken" not in papers  # the body is cached for every reader


def test_the_papers_digest_links_each_session_to_its_pack(
    session, mailoutbox, settings, django_capture_on_commit_callbacks
):
    from accounts.tests.factories import UserFactory
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory
    from notifications.services import papers_digests_send

    person = UserFactory(preferred_language="es")
    registration = RegistrationFactory(person=person, meeting=session.meeting, status=Registration.Status.APPROVED)
    registration.session_choices.create(session=session)
    paper_in(session, "Labour mobility strategies")
    paper_in(session, "Country case study")
    Paper.objects.update(published_at=timezone.now() - dt.timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert papers_digests_send() == 1
    body = mailoutbox[0].body
    link = settings.SITE_URL + pack_url(session, language="es")
    assert body.count(link) == 1
