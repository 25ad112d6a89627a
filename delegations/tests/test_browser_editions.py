"""The Chair's office moves the registrations page from the 2010 meeting to the 2011 one with the meeting
switcher, by keyboard only, and the address names the meeting shown."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_chair_office_switches_the_registrations_from_2010_to_2011_by_keyboard(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/delegations/meetings/4/registrations/")
    expect(page.get_by_role("heading", name="Registrations", exact=True)).to_be_visible()
    expect(page.locator(".meeting-name")).to_contain_text("Fourth Meeting")

    switcher = page.get_by_label("Meeting", exact=True)
    expect(switcher).to_have_value("4")
    # Newest first: 2011 sits just above 2010. The keyboard alone chooses it and sends the form.
    switcher.focus()
    page.keyboard.press("ArrowUp")
    expect(switcher).to_have_value("5")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show this meeting")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/delegations/meetings/5/registrations/$"))
    expect(page.locator(".meeting-name")).to_contain_text("Fifth Meeting")
    expect(page.get_by_label("Meeting", exact=True)).to_have_value("5")
    screenshot("registrations-2011")

    # And back, the same way: the page of 2010 again, at its own address.
    page.get_by_label("Meeting", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/delegations/meetings/4/registrations/$"))
