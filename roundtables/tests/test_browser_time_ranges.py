"""What a person sees of a session over two days: both days, in the host city's time, on phone and desktop."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

BOTH_DAYS = "Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00"


def test_civil_society_days_read_as_two_days_for_the_chair_and_the_public(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/structure/")
    row = page.locator("tr", has_text="Civil Society Days").first
    expect(row.locator("td").first).to_contain_text(BOTH_DAYS)
    screenshot("structure")

    page.goto(f"{live_server.url}/chair/schedule/")
    expect(page.locator(".schedule-item", has_text="CSD").first).to_contain_text(BOTH_DAYS)
    screenshot("schedule")

    page.goto(f"{live_server.url}/programme/")
    expect(page.locator("#day-2010-11-08 .slot-time").first).to_contain_text(BOTH_DAYS)
    expect(page.locator("#day-2010-11-10 .slot-time").first).to_have_text("09:00–10:30")
    screenshot("programme")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("programme-phone")


def test_registration_form_shows_both_days_of_the_civil_society_days(demo, live_server, page, screenshot):
    sign_in(page, live_server, "civilsociety@example.org")
    page.goto(f"{live_server.url}/delegations/register/")
    option = page.locator(".session-option", has_text="Civil Society Days").first
    expect(option.locator(".session-meta")).to_contain_text(BOTH_DAYS)
    screenshot("register")
