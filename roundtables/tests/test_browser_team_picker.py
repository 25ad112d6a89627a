"""From the schedule, the Chair's office opens a session's team, finds delegations as it types
(names that start with the text first, accents aside), adds one and is back on the schedule with
the message in view."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_team_picker_ranks_prefixes_first_and_returns_to_the_schedule(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Schedule").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule")
    page.get_by_role("link", name="Team of 2.2").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2.2")
    expect(page.get_by_role("link", name="Back to the schedule")).to_be_visible()

    search = page.get_by_label("Find a delegation")
    search.press_sequentially("Moro")
    options = page.locator("#delegation-results [data-picker-option] .fw-semibold")
    expect(options).to_have_text(["Morocco", "Comoros"])
    search.fill("")
    search.press_sequentially("Ge")
    expect(options.first).to_have_text("Georgia")  # its ISO code is GE, and its name starts with it
    names = options.all_inner_texts()
    assert names.index("Germany") < names.index("Algeria")
    screenshot("ranked")

    page.locator("#delegation-role").select_option("member")
    page.get_by_role("button", name=re.compile(r"^Germany")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule")
    message = page.locator(".messages .alert-success")
    expect(message).to_have_text("Germany joined the team of 2.2 as team member.")
    expect(message).to_be_in_viewport()
    screenshot("back-on-the-schedule")

    # On a phone, the way back and the ranked results fit the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("phone-schedule")
    page.get_by_role("link", name="Team of 1.1").click()
    page.get_by_label("Find a delegation").press_sequentially("cote d")
    expect(options.first).to_have_text(re.compile(r"^Côte d.Ivoire$"))  # typed without the accent
    screenshot("phone-team")
