"""Issue 17's journey in a real Chromium, on the demo: the rapporteur drafts session 1.1's outcome in
Spanish, the co-chairs sign off, the French translator translates two sections; the outcome goes back
to drafting, the rapporteur changes one sentence of the original, and the translator's open page says
so; the French section shows "Needs update" with the change, the translator updates it; after a new
sign-off the Chair's office publishes, and an anonymous reader in French reads the French outcome on the
session's page and in the report of the proceedings (the PDF's text read back)."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import User
from conftest import sign_in
from outcomes.models import Outcome
from outcomes.tests.test_browser import SAVED, demo_session, editor, status, watch_console, workspace_url
from roundtables.models import Meeting, MeetingRole

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 900}
SUMMARY_ES = (
    "Los gobiernos acordaron que las alianzas deben incluir a la sociedad civil. Las remesas deben costar menos."
)
CONCLUSIONS_ES = "Los acuerdos bilaterales funcionan mejor con supervisión."
SUMMARY_FR = (
    "Les gouvernements sont convenus que les partenariats doivent inclure la société civile. "
    "Les envois de fonds doivent coûter moins."
)
CONCLUSIONS_FR = "Les accords bilatéraux fonctionnent mieux avec un suivi."


def _french_translator():
    """The demo's translator into French for 2010 (Claire Dubois), named by the Chair's office."""
    person = User.objects.get(email="translator.fr@example.org")
    assert (
        MeetingRole.objects.active()
        .filter(meeting=Meeting.objects.current(), user=person, role=MeetingRole.Role.TRANSLATOR_FR)
        .exists()
    )
    # Her pages in English, as the test reads them (the demo has her read the portal in French).
    person.preferred_language = "en"
    person.save(update_fields=["preferred_language"])
    return person


def _sign_off(browser, live_server, problems):
    for email, government in (("focalpoint.mx@example.org", "Mexico"), ("cochair.es@example.org", "Spain")):
        context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
        co_chair = context.new_page()
        problems += watch_console(co_chair)
        sign_in(co_chair, live_server, email)
        co_chair.goto(workspace_url(live_server))
        co_chair.get_by_role("button", name=f"Approve for {government}").click()
        expect(co_chair.get_by_text("Your approval is recorded.")).to_be_visible()
        context.close()


def _badge(page, kind="summary"):
    return page.locator(f"#section-{kind.replace('_', '-')} [data-translation-status]")


def test_spanish_original_translated_into_french_and_read_in_french(demo, live_server, browser, page, audit, request):
    problems = watch_console(page)
    _french_translator()

    # The rapporteur drafts in Spanish.
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(workspace_url(live_server))
    page.get_by_label("Language you draft in").select_option("es")
    page.get_by_role("button", name="Start drafting").click()
    expect(page.locator("[data-original-language]")).to_have_text("Drafted in Spanish")
    editor(page).click()
    page.keyboard.type(SUMMARY_ES)
    editor(page, "conclusions").click()
    page.keyboard.type(CONCLUSIONS_ES)
    editor(page).click()  # leaving the section saves it at once
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    expect(status(page, "conclusions")).to_have_text(SAVED, timeout=10_000)
    page.get_by_role("button", name="Submit to the co-chairs").click()
    expect(page.get_by_text("The outcome was sent to the co-chairs.")).to_be_visible()

    # The co-chairs sign off.
    _sign_off(browser, live_server, problems)
    assert Outcome.objects.get(session=demo_session("1.1")).state == Outcome.State.APPROVED

    # The French translator opens the translation from the workspace and translates two sections.
    translator_context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    translator = translator_context.new_page()
    problems += watch_console(translator)
    sign_in(translator, live_server, "translator.fr@example.org")
    translator.goto(workspace_url(live_server))
    expect(translator.locator("[data-translation-language=fr]")).to_contain_text("Translators: Ms Claire Dubois")
    translator.get_by_role("link", name="French translation").click()
    expect(translator.get_by_role("heading", level=1)).to_have_text("French translation of the outcome of session 1.1")
    expect(_badge(translator)).to_have_text("Not translated")
    expect(translator.locator("#section-summary .translation-original")).to_have_text(SUMMARY_ES)
    editor(translator).click()
    translator.keyboard.type(SUMMARY_FR)
    editor(translator, "conclusions").click()
    translator.keyboard.type(CONCLUSIONS_FR)
    editor(translator).click()
    expect(status(translator)).to_have_text(SAVED, timeout=10_000)
    expect(status(translator, "conclusions")).to_have_text(SAVED, timeout=10_000)
    expect(_badge(translator)).to_have_text("Up to date")
    expect(_badge(translator, "conclusions")).to_have_text("Up to date")
    translator.evaluate("window.scrollTo(0, 0)")
    translator.screenshot(path=str(_shot(request, "translated")), full_page=True)
    page.reload()  # the rapporteur's workspace counts the French sections
    progress = page.locator("[data-translation-language=fr]")
    expect(progress).to_contain_text("2 up to date")
    expect(progress).to_contain_text("0 need update")
    progress.scroll_into_view_if_needed()
    page.screenshot(path=str(_shot(request, "workspace")), full_page=True)

    # The Chair's office returns the outcome to drafting; the rapporteur changes one sentence.
    chair_context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    chair = chair_context.new_page()
    problems += watch_console(chair)
    sign_in(chair, live_server, "chair@example.org")
    chair.goto(workspace_url(live_server))
    chair.get_by_text("Return to the rapporteur with comments").click()
    chair.get_by_label("What should the rapporteur change?").fill("Say how much less remittances should cost.")
    chair.get_by_role("button", name="Return to drafting").click()
    expect(chair.get_by_text("The outcome was returned to the rapporteur with your comments.")).to_be_visible()

    page.reload()
    editor(page).click()
    page.keyboard.press("Control+A")  # the text typed again with one sentence changed
    page.keyboard.type(SUMMARY_ES.replace("costar menos.", "costar mucho menos."))
    editor(page, "conclusions").click()
    expect(status(page)).to_have_text(SAVED, timeout=10_000)

    # The translator's open page notices the change, and shows it after a reload.
    notice = translator.locator("#section-summary [data-original-changed]")
    expect(notice).to_be_visible(timeout=20_000)
    expect(notice).to_have_text(re.compile(r"The original of this section changed:\s+reload to see what changed"))
    audit(translator)
    notice.get_by_role("link", name="reload to see what changed").click()
    expect(_badge(translator)).to_have_text("Needs update")
    expect(_badge(translator, "conclusions")).to_have_text("Up to date")
    changes = translator.locator("#section-summary .translation-changes")
    expect(changes.locator("ins")).to_have_text("mucho")  # compared word by word: one word added
    expect(changes.locator("del")).to_have_count(0)
    changes.scroll_into_view_if_needed()
    translator.screenshot(path=str(_shot(request, "needs-update")), full_page=True)
    editor(translator).click()
    translator.keyboard.press("Control+A")
    translator.keyboard.type(SUMMARY_FR.replace("coûter moins.", "coûter beaucoup moins."))
    editor(translator, "conclusions").click()
    expect(status(translator)).to_have_text(SAVED, timeout=10_000)
    # Saved, but still a translation of the older original until the translator says it is done.
    expect(_badge(translator)).to_have_text("Needs update")
    translator.locator("#section-summary").get_by_role("button", name="Mark as up to date").click()
    expect(_badge(translator)).to_have_text("Up to date")
    expect(translator.locator("#section-summary [data-mark-up-to-date]")).to_be_hidden()

    # Submitted again, signed off again, published by the Chair's office.
    page.get_by_role("button", name="Submit to the co-chairs").click()
    expect(page.get_by_text("The outcome was sent to the co-chairs.")).to_be_visible()
    _sign_off(browser, live_server, problems)
    chair.reload()
    chair.get_by_role("button", name="Publish on the session's page").click()
    expect(chair.get_by_text("The outcome is published on the session's public page.")).to_be_visible()
    chair_context.close()
    translator.reload()
    expect(_badge(translator)).to_have_text("Published")
    expect(_badge(translator, "conclusions")).to_have_text("Published")
    translator_context.close()

    # An anonymous reader whose browser asks for French reads the French outcome.
    reader_context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    reader = reader_context.new_page()
    problems += watch_console(reader)
    session = demo_session("1.1")
    reader.goto(f"{live_server.url}/meetings/{session.meeting.number}/sessions/{session.pk}/")
    outcome = reader.locator(".outcome-public")
    expect(outcome).to_contain_text(SUMMARY_FR.replace("moins.", "beaucoup moins."))
    expect(outcome).to_contain_text(CONCLUSIONS_FR)
    expect(outcome).not_to_contain_text("Los gobiernos")
    expect(outcome.locator(".outcome-original-badge")).to_have_count(0)
    outcome.scroll_into_view_if_needed()
    reader.screenshot(path=str(_shot(request, "french-reader")), full_page=True)

    # The same reader asks for the report of the proceedings from the meeting's page: in French, the
    # reader's language, and it holds the French outcome (read back from the PDF's text).
    reader.goto(f"{live_server.url}/meetings/{session.meeting.number}/")
    expect(reader.get_by_label("Langue du rapport")).to_have_value("fr")
    reader.get_by_role("button", name="Rapport des travaux (PDF)").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Rapport des travaux")
    # Tasks run at once in the tests: the file is ready for the next visit.
    proceedings = f"{live_server.url}/reports/meetings/{session.meeting.number}/proceedings/?language=fr"
    response = reader.request.get(proceedings)
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    # Read as a PDF reader would (reports' own helper is a layer above these tests).
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.body())).pages)
    assert "Rapport des travaux" in text
    assert CONCLUSIONS_FR in text
    assert "Les envois de fonds doivent coûter beaucoup moins." in text
    assert "Los acuerdos bilaterales" not in text
    reader_context.close()
    assert problems == []


def _shot(request, name: str):
    """The path screenshot() would use for this test, for a page other than the test's own."""
    from django.conf import settings

    return (
        settings.VAR_DIR / "screenshots" / f"test_spanish_original_translated_into_french_and_read_in_french-{name}.png"
    )


def test_offline_translation_is_kept_per_language_and_offered_after_a_reload(demo, live_server, page, context):
    """A translator into French and Spanish writes French offline and closes the tab: the text waits in
    this browser under the French key only, the Spanish page offers nothing, the French page offers it
    back and saves it as a translation of the original it was written beside."""
    from outcomes.services import outcome_start, section_save

    problems = watch_console(page)
    person = _french_translator()
    MeetingRole.objects.create(meeting=Meeting.objects.current(), user=person, role=MeetingRole.Role.TRANSLATOR_ES)
    rapporteur = User.objects.get(email="rapporteur@example.org")
    outcome = outcome_start(session=demo_session("1.1"), actor=rapporteur)
    original = section_save(
        section=outcome.original_sections.get(kind="summary"),
        actor=rapporteur,
        html="<p>Remittances should cost less.</p>",
        base_revision_id=None,
    ).revision
    french_page = f"{live_server.url}/outcomes/{outcome.pk}/translate/fr/"
    sign_in(page, live_server, "translator.fr@example.org")
    page.goto(french_page)
    context.set_offline(True)
    editor(page).click()
    page.keyboard.type("Les envois de fonds devraient coûter moins.")
    expect(status(page)).to_have_text("Offline: not saved yet", timeout=10_000)
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gfmd-outcome-'))")
    assert kept == [f"gfmd-outcome-{outcome.pk}-fr-summary"]
    page.close()

    context.set_offline(False)
    again = context.new_page()
    problems += watch_console(again)
    again.goto(f"{live_server.url}/outcomes/{outcome.pk}/translate/es/")
    expect(editor(again)).to_be_visible()
    expect(again.locator("#section-summary [data-restore-banner]")).to_be_hidden()
    again.goto(french_page)
    banner = again.locator("#section-summary [data-restore-banner]")
    expect(banner).to_contain_text("has not reached the server")
    again.get_by_role("button", name="Restore that text").click()
    expect(status(again)).to_have_text(SAVED, timeout=10_000)
    expect(_badge(again)).to_have_text("Up to date")
    translation = outcome.sections.get(kind="summary", language="fr").current_revision
    assert (translation.html, translation.source) == ("<p>Les envois de fonds devraient coûter moins.</p>", original)

    # A change to the original that needs no change in the translation: "Mark as up to date".
    changed = section_save(
        section=outcome.original_sections.get(kind="summary"),
        actor=rapporteur,
        html="<p>Remittances should cost less!</p>",
        base_revision_id=original.pk,
    ).revision
    again.reload()
    expect(_badge(again)).to_have_text("Needs update")
    again.get_by_role("button", name="Mark as up to date").click()
    expect(_badge(again)).to_have_text("Up to date")
    expect(again.get_by_role("button", name="Mark as up to date")).to_be_hidden()
    marked = outcome.sections.get(kind="summary", language="fr").current_revision
    assert (marked.number, marked.html, marked.source) == (2, translation.html, changed)
    assert problems == []
