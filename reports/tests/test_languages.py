"""The outcome and the report of the proceedings in the reader's language: one file per working language,
chosen when requested; where a translation is not published, the original stands in, marked. Checked by
reading the PDFs' text."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from outcomes.models import Outcome
from reports.models import GeneratedFile
from reports.services import published_outcomes_stamp
from reports.tests.factories import SECTION_TEXT, publish_outcome, publish_translation
from reports.tests.pdf import file_content, full_text
from reports.tests.test_documents import produce
from roundtables import services as roundtable_services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db

SUMMARY_FR = "<p>La session a examiné les partenariats entre pays d'origine et de destination.</p>"
CONCLUSIONS_FR = "<ul><li>Les partenariats fonctionnent quand les deux parties en partagent les coûts.</li></ul>"
FRENCH = {"summary": SUMMARY_FR, "conclusions": CONCLUSIONS_FR}
FRENCH_ALL = {kind: f"<p>Texte français de la section {kind}.</p>" for kind in SECTION_TEXT}
SECOND = {"summary": "<p>Gender and family were brought to the centre of the discussion.</p>"}


def _note(language: str, original: str = "English") -> str:
    """The PDF's note on an outcome shown partly in its original, as worded in `language`."""
    with translation.override(language):
        note = gettext(
            "Translation in progress: the sections marked “original” are given in the language they were "
            "written in (%(language)s)."
        ) % {"language": gettext(original)}
    return " ".join(note.split())  # as the PDF's text reads it: French no-break spaces become spaces


@pytest.fixture
def athens(chair):
    """A held meeting in the public archive with two published outcomes, 3.1 and 3.2."""
    meeting = MeetingFactory(number=3, title_en="Third Meeting", status=Meeting.Status.HELD)
    roundtable = RoundtableFactory(meeting=meeting, number=3)
    first = SessionFactory(roundtable=roundtable, code="3.1", title_en="Partnerships", title_fr="Partenariats")
    second = SessionFactory(roundtable=roundtable, code="3.2", title_en="Gender and family")
    roundtable_services.programme_publish(meeting=meeting, actor=chair)
    when = dt.datetime(2009, 11, 20, 10, tzinfo=dt.UTC)
    publish_outcome(first)
    publish_outcome(second, texts=SECOND)
    Outcome.objects.filter(session__meeting=meeting).update(published_at=when)
    return meeting


def _outcome(meeting, code: str) -> Outcome:
    return Outcome.objects.get(session__meeting=meeting, session__code=code)


# --- the outcome of one session ----------------------------------------------------------------


def test_outcome_pdf_in_french_gives_the_french_text(athens):
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH_ALL)
    session = athens.sessions.get(code="3.1")

    french = full_text(produce("outcome", {"session": session.pk, "language": "fr"}))
    english = full_text(produce("outcome", {"session": session.pk, "language": "en"}))

    assert "Texte français de la section summary." in french
    assert "Texte français de la section follow_up." in french
    assert "The session discussed how partnerships" not in french
    assert _note("fr") not in french
    assert "The session discussed how partnerships" in english
    assert "Texte français" not in english


def test_outcome_pdf_gives_the_original_marked_where_the_translation_is_missing(athens):
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH)
    session = athens.sessions.get(code="3.1")

    text = full_text(produce("outcome", {"session": session.pk, "language": "fr"}))

    assert "La session a examiné les partenariats" in text
    assert "Partnerships work when both sides share the costs" not in text  # translated: conclusions
    assert "Develop bilateral agreements with clear standards" in text  # not translated: recommendations
    assert _note("fr") in text


def test_outcome_pdf_file_name_names_its_language(athens):
    from reports.registry import get_renderer

    renderer = get_renderer("outcome")
    session = athens.sessions.get(code="3.1")
    params = renderer.clean_params({"session": session.pk, "language": "es"})

    assert renderer.filename(params) == "gfmd-3-outcome-3-1-es.pdf"


# --- the report of the proceedings -------------------------------------------------------------


def test_french_proceedings_give_the_french_outcome_and_the_others_original_with_the_note(athens):
    english_before = full_text(produce("proceedings", {"meeting": athens.pk, "language": "en"}))
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH_ALL)

    french = full_text(produce("proceedings", {"meeting": athens.pk, "language": "fr"}))
    english = full_text(produce("proceedings", {"meeting": athens.pk, "language": "en"}))

    assert "Texte français de la section summary." in french
    assert "The session discussed how partnerships" not in french
    assert "Gender and family were brought to the centre of the discussion." in french  # 3.2: the original
    assert french.count(_note("fr")) == 1  # on 3.2 only
    assert "Partenariats" in french  # the session's title in French too
    # The English report does not change with a French translation (but for its production time).
    assert english.split("Contents", 1)[1] == english_before.split("Contents", 1)[1]
    assert "Texte français" not in english
    assert _note("en") not in english


def test_proceedings_stamp_changes_with_a_translation_into_its_language_only(athens):
    before = {language: published_outcomes_stamp(athens, language) for language in ("en", "fr", "es")}

    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH)

    after = {language: published_outcomes_stamp(athens, language) for language in ("en", "fr", "es")}
    assert (after["en"], after["es"]) == (before["en"], before["es"])
    assert after["fr"] != before["fr"]


# --- the public archive: one file per language, chosen on the meeting's page ------------------


def _proceedings(number: int, language: str | None = None) -> str:
    url = reverse("reports:public_proceedings", kwargs={"number": number})
    return f"{url}?language={language}" if language else url


def _download(client, url: str, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # starts the job (run at once here)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    # Read to the end: the test client then closes the response and its file.
    return response, b"".join(response.streaming_content)


def test_anonymous_reader_in_french_gets_the_french_proceedings(client, athens, django_capture_on_commit_callbacks):
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH_ALL)

    response, content = _download(client, _proceedings(3, "fr"), django_capture_on_commit_callbacks)

    text = full_text(content)
    assert "Texte français de la section recommendations." in text
    assert "Gender and family were brought to the centre" in text
    assert _note("fr") in text
    assert (response["Content-Language"], response["Cache-Control"]) == ("fr", "public, max-age=600")
    [generated] = GeneratedFile.objects.all()
    assert (generated.parameters["language"], generated.filename) == ("fr", "gfmd-3-proceedings-fr.pdf")


def test_each_language_has_its_own_file_and_a_translation_renews_only_its_own(
    client, athens, django_capture_on_commit_callbacks
):
    _download(client, _proceedings(3, "en"), django_capture_on_commit_callbacks)
    _download(client, _proceedings(3, "fr"), django_capture_on_commit_callbacks)
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH, when=timezone.now())

    with django_capture_on_commit_callbacks(execute=False) as english_jobs:
        english = client.get(_proceedings(3, "en"))
    _french, content = _download(client, _proceedings(3, "fr"), django_capture_on_commit_callbacks)

    b"".join(english.streaming_content)
    assert (english["Content-Type"], len(english_jobs)) == ("application/pdf", 0)  # the English file stands
    assert "La session a examiné les partenariats" in full_text(content)
    languages = sorted(GeneratedFile.objects.values_list("parameters__language", flat=True))
    assert languages == ["en", "fr", "fr"]
    english_file = GeneratedFile.objects.get(parameters__language="en")
    assert "Texte" not in full_text(file_content(english_file))


def test_without_a_choice_the_reader_s_language_is_served_privately(client, athens, django_capture_on_commit_callbacks):
    publish_translation(_outcome(athens, "3.1"), "fr", FRENCH_ALL)
    client.cookies["django_language"] = "fr"

    response, content = _download(client, _proceedings(3), django_capture_on_commit_callbacks)

    assert "Texte français de la section summary." in full_text(content)
    assert (response["Content-Language"], response["Cache-Control"]) == ("fr", "private, max-age=600")


def test_an_unknown_language_is_the_reader_s(client, athens, django_capture_on_commit_callbacks):
    response, _content = _download(client, _proceedings(3, "de"), django_capture_on_commit_callbacks)

    assert response["Content-Language"] == "en"
    assert list(GeneratedFile.objects.values_list("parameters__language", flat=True)) == ["en"]


def test_meeting_page_offers_the_proceedings_in_the_reader_s_language(client, athens):
    client.cookies["django_language"] = "es"

    page = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3})).content.decode()

    assert f'action="{_proceedings(3)}"' in page
    assert '<select class="form-select" id="proceedings-language" name="language">' in page
    assert '<option value="es" selected>' in page
    assert '<option value="fr">' in page


def test_page_while_it_is_produced_keeps_the_language(client, athens, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        page = client.get(_proceedings(3, "fr")).content.decode()

    assert f'href="{_proceedings(3, "fr")}"' in page


# --- the reports page: the language of every document is chosen, the reader's by default ---------


def test_reports_page_offers_a_language_for_each_document(client, chair, athens):
    client.force_login(chair)
    client.cookies["django_language"] = "fr"

    page = client.get(reverse("reports:index", kwargs={"number": 3})).content.decode()

    assert page.count('-language" name="language"') == page.count('name="kind"')
    assert page.count('<option value="fr" selected>') == page.count('name="kind"')


def test_proceedings_requested_in_spanish_are_produced_in_spanish(client, chair, athens):
    client.force_login(chair)

    response = client.post(reverse("reports:request"), {"kind": "proceedings", "meeting": athens.pk, "language": "es"})

    generated = GeneratedFile.objects.get()
    assert response.url == reverse("reports:file_detail", kwargs={"pk": generated.pk})
    assert generated.parameters == {"meeting": athens.pk, "language": "es"}
