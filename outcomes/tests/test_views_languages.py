"""Readers get the outcome in their language: the public session page (cached whole, by language), the
closing plenary's presentation (with its language switch) and the print layout, the original standing in,
marked and with its own `lang`, where a translation is not published."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save, translation_publish
from outcomes.tests.factories import section_of
from roundtables.models import MeetingRole
from roundtables.services import programme_publish

pytestmark = pytest.mark.django_db

SUMMARY = "<p>Shared prosperity needs shared responsibility.</p>"
SUMMARY_FR = "<p>Une prospérité partagée exige une responsabilité partagée.</p>"
CONCLUSIONS = "<p>Partnerships work when both sides share the costs.</p>"
NOTE = "Translation in progress: the sections marked “original” are shown in the language they were written in"


@pytest.fixture
def published(outcome, rapporteur, chair):
    for kind, html in (("summary", SUMMARY), ("conclusions", CONCLUSIONS)):
        section = section_of(outcome, kind)
        section_save(section=section, actor=rapporteur, html=html, base_revision_id=section.current_revision_id)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    return outcome_publish(outcome=outcome, actor=chair)


@pytest.fixture
def translator(outcome, chair):
    person = UserFactory(preferred_language="fr")
    MeetingRole.objects.create(
        meeting=outcome.session.meeting, user=person, role=MeetingRole.translator_role("fr"), granted_by=chair
    )
    return person


def _translate_summary(outcome, translator, *, publish: bool = True) -> None:
    section_save(
        section=section_of(outcome, "summary", "fr"),
        actor=translator,
        html=SUMMARY_FR,
        base_revision_id=None,
        source_revision_id=section_of(outcome, "summary").current_revision_id,
    )
    if publish:
        translation_publish(outcome=outcome, language="fr", actor=translator)


def _get(client, url: str, language: str, **headers):
    client.cookies["django_language"] = language
    return client.get(url, **headers)


# --- the public session page ----------------------------------------------------------------------


def _session_page(outcome) -> str:
    session = outcome.session
    return reverse("roundtables:session_detail", kwargs={"number": session.meeting.number, "pk": session.pk})


def test_french_session_page_changes_when_the_french_translation_is_published(client, published, translator, chair):
    programme_publish(meeting=published.session.meeting, actor=chair)
    url = _session_page(published)
    before = _get(client, url, "fr")

    _translate_summary(published, translator)
    after = _get(client, url, "fr", HTTP_IF_NONE_MATCH=before.headers["ETag"])

    assert SUMMARY_FR not in before.content.decode()
    assert after.status_code == 200  # the stamp holds the translations' publication time
    page = after.content.decode()
    assert SUMMARY_FR in page
    assert SUMMARY not in page
    assert f'<div class="outcome-text" lang="en">{CONCLUSIONS}</div>' in page  # not translated: the original
    assert page.count('outcome-original-badge">') == 1


def test_english_session_page_shows_the_original_whatever_is_translated(client, published, translator, chair):
    programme_publish(meeting=published.session.meeting, actor=chair)
    _translate_summary(published, translator)

    page = _get(client, _session_page(published), "en").content.decode()

    assert f'<div class="outcome-text">{SUMMARY}</div>' in page
    assert SUMMARY_FR not in page
    assert NOTE not in page
    assert "outcome-original-badge" not in page


def test_spanish_session_page_shows_the_original_marked(client, published, translator, chair):
    programme_publish(meeting=published.session.meeting, actor=chair)
    _translate_summary(published, translator)

    page = _get(client, _session_page(published), "es").content.decode()

    assert f'<div class="outcome-text" lang="en">{SUMMARY}</div>' in page
    assert page.count('outcome-original-badge">') == 2
    assert 'class="outcome-translation-note" role="note"' in page


def test_an_unpublished_translation_is_not_read(client, published, translator, chair):
    programme_publish(meeting=published.session.meeting, actor=chair)
    _translate_summary(published, translator, publish=False)

    page = _get(client, _session_page(published), "fr").content.decode()

    assert SUMMARY_FR not in page
    assert f'<div class="outcome-text" lang="en">{SUMMARY}</div>' in page


# --- the presentation: a language switch that keeps the slide ------------------------------------


def _present(outcome, language: str | None = None) -> str:
    url = reverse("outcomes:present", kwargs={"pk": outcome.pk})
    return f"{url}?language={language}" if language else url


def test_presentation_in_the_chosen_language_marks_it_current(client, published, translator):
    _translate_summary(published, translator)

    page = _get(client, _present(published, "fr"), "en").content.decode()

    # The page's words stay English; the text is French, said so with `lang`.
    assert '<html lang="en">' in page
    assert f'<div class="outcome-text slide-text" lang="fr">{SUMMARY_FR}</div>' in page
    assert f'<div class="outcome-text slide-text">{CONCLUSIONS}</div>' in page  # the original, in the page's
    assert page.count('slide-original-badge">') == 1
    assert (
        '<a class="btn btn-outline-light active" href="?language=fr" hreflang="fr" data-language-link '
        'aria-current="true">'
    ) in page
    assert page.count("aria-current") == 1
    assert '<a class="btn btn-outline-light" href="?language=es" hreflang="es" data-language-link>' in page


def test_presentation_without_a_choice_is_in_the_reader_s_language(client, published, translator):
    _translate_summary(published, translator)

    page = _get(client, _present(published), "fr").content.decode()

    assert f'<div class="outcome-text slide-text">{SUMMARY_FR}</div>' in page
    assert 'href="?language=fr" hreflang="fr" data-language-link aria-current="true"' in page


def test_presentation_in_an_unknown_language_is_in_the_reader_s(client, published):
    page = _get(client, _present(published, "de"), "es").content.decode()

    assert f'<div class="outcome-text slide-text" lang="en">{SUMMARY}</div>' in page
    assert 'href="?language=es" hreflang="es" data-language-link aria-current="true"' in page
    assert "slide-translation-note" in page


def test_presentation_language_is_refused_to_whoever_may_not_present(client, outcome, rapporteur):
    # A draft: the language parameter opens nothing to a stranger.
    section = section_of(outcome)
    section_save(section=section, actor=rapporteur, html=SUMMARY, base_revision_id=None)

    response = _get(client, _present(outcome, "fr"), "fr")

    assert response.status_code == 404


# --- the print layout -------------------------------------------------------------------------------


def test_print_layout_follows_the_reader_s_language(client, published, translator):
    _translate_summary(published, translator)
    url = reverse("outcomes:print", kwargs={"pk": published.pk})

    french = _get(client, url, "fr").content.decode()
    english = _get(client, url, "en").content.decode()

    assert SUMMARY_FR in french
    assert 'class="outcome-translation-note" role="note"' in french
    assert f'<div class="outcome-text" lang="en">{CONCLUSIONS}</div>' in french
    assert (SUMMARY in english, SUMMARY_FR in english) == (True, False)
