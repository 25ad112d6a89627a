"""Readers in French and Spanish, in the browser: the closing plenary's language switch keeps the slide
shown, by keyboard; the public session page marks the sections still in the original (the demo's 2.2)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from outcomes.models import Outcome

pytestmark = pytest.mark.browser


def _in(page, live_server, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


def test_switching_the_presentation_s_language_keeps_the_slide(demo, live_server, page, screenshot):
    outcome = Outcome.objects.get(session__code="1.2")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("outcomes:present", kwargs={"pk": outcome.pk}) + "?language=en")

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # the key conclusions
    expect(page.locator("[data-slide]:not([hidden]) h2")).to_have_text("Key conclusions")
    french = page.get_by_role("link", name="French")
    expect(french).to_have_attribute("href", "?language=fr#section-conclusions")
    french.focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**?language=fr#section-conclusions")
    shown = page.locator("[data-slide]:not([hidden])")
    expect(shown.locator("h2")).to_have_text("Key conclusions")
    expect(shown.locator(".slide-text")).to_have_attribute("lang", "fr")
    expect(shown.locator(".slide-text")).to_contain_text("La migration irrégulière relève d'une approche globale")
    expect(page.get_by_role("link", name="French")).to_have_attribute("aria-current", "true")
    screenshot("plenary-in-french")

    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("link", name="Spanish")).to_have_attribute("href", "?language=es#section-recommendations")


def test_french_reader_sees_the_translation_in_progress_marked(demo, live_server, page, screenshot):
    outcome = Outcome.objects.select_related("session__meeting").get(session__code="2.2")
    _in(page, live_server, "fr")
    url = reverse(
        "roundtables:session_detail", kwargs={"number": outcome.session.meeting.number, "pk": outcome.session_id}
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + url)

    body = page.locator(".outcome-public")
    expect(body.locator(".outcome-translation-note")).to_be_visible()
    expect(body.locator(".outcome-original-badge")).to_have_count(2)
    expect(body.locator('.outcome-text[lang="en"]')).to_have_count(2)
    expect(body).to_contain_text("La session a placé le genre et la famille")
    body.scroll_into_view_if_needed()
    screenshot("session-2-2-in-french")


def test_meeting_page_offers_the_proceedings_in_the_reader_s_language(demo, live_server, page, screenshot):
    _in(page, live_server, "es")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("roundtables:meeting_detail", kwargs={"number": 4}))

    choice = page.locator("#proceedings-language")
    expect(choice).to_have_value("es")
    screenshot("meeting-proceedings-in-spanish")
