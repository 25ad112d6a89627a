"""The closing plenary on a projector: the script moves focus to each slide's heading (for screen
readers), which must not draw a focus ring; keyboard focus on the buttons stays clearly visible."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from outcomes.models import Outcome

pytestmark = pytest.mark.browser


def outline(locator) -> tuple[str, str]:
    return locator.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")


def test_slide_headings_focused_by_the_script_show_no_ring_but_tabbing_to_a_button_does(
    demo, live_server, page, screenshot
):
    outcome = Outcome.objects.get(session__code="1.2")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("outcomes:present", kwargs={"pk": outcome.pk}))
    expect(page.locator("body")).to_have_class(re.compile(r"\bpresentation-js\b"))

    page.keyboard.press("ArrowRight")
    heading = page.locator("[data-slide]:not([hidden]) h2")
    expect(heading).to_be_focused()
    assert outline(heading)[0] == "none"
    screenshot("plenary-heading-focused")

    # From the heading, Tab passes any links of the slide and "Previous section" first.
    next_button = page.get_by_role("button", name="Next section")
    for _ in range(10):
        page.keyboard.press("Tab")
        if next_button.evaluate("el => el === document.activeElement"):
            break
    expect(next_button).to_be_focused()
    assert outline(next_button) == ["solid", "3px"]
    screenshot("plenary-next-button-focused")
