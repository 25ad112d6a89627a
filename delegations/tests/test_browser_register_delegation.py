"""Choosing one's delegation on the registration form by typing its name, with the keyboard only.
(Without JavaScript, the form's own answer: test_views_register_delegation.)"""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from delegations.tests.test_browser import PASSWORD, make_account

pytestmark = pytest.mark.browser


def test_a_delegate_types_and_chooses_the_delegation_with_the_keyboard_only(demo, live_server, page, screenshot):
    make_account("ama@example.org", "Ama", "Owusu")
    sign_in(page, live_server, "ama@example.org", PASSWORD)
    page.goto(f"{live_server.url}/delegations/register/")
    name = page.get_by_role("textbox", name="Delegation")
    name.focus()

    page.keyboard.type("ghan")
    matches = page.get_by_role("group", name="Matching delegations")
    ghana = matches.get_by_role("radio", name="Ghana · State")
    afghanistan = matches.get_by_role("radio", name="Afghanistan · State")
    # The name that starts with what was typed first; the count is read out.
    expect(matches.get_by_role("radio")).to_have_count(2)
    expect(matches.get_by_role("radio").first).to_have_accessible_name("Ghana · State")
    expect(page.locator("[data-delegation-status]")).to_have_text("2 matching delegations")
    screenshot("suggestions")
    page.keyboard.press("ArrowDown")
    expect(ghana).to_be_focused()
    expect(ghana).not_to_be_checked()
    page.keyboard.press("ArrowDown")  # the arrows choose, as in any group of radio buttons
    expect(afghanistan).to_be_focused()
    expect(afghanistan).to_be_checked()
    expect(name).to_have_value("Afghanistan")
    page.keyboard.press("Escape")  # back to the name
    expect(name).to_be_focused()
    page.keyboard.press("ArrowDown")  # to the one chosen
    expect(afghanistan).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(ghana).to_be_checked()
    expect(name).to_have_value("Ghana")
    screenshot("chosen")

    # On through the role (Delegate, chosen already) to the job title; Enter there sends the form.
    page.keyboard.press("Tab")
    expect(page.get_by_role("radio", name="Delegate", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Job title")).to_be_focused()
    page.keyboard.type("Counsellor")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My registration")
    expect(page.locator(".status-panel")).to_contain_text("Pending")
    expect(page.locator("main")).to_contain_text("Ghana")
    screenshot("registered")


def test_enter_in_the_name_takes_the_only_match_instead_of_sending_the_form(demo, live_server, page):
    make_account("ama@example.org", "Ama", "Owusu")
    sign_in(page, live_server, "ama@example.org", PASSWORD)
    page.goto(f"{live_server.url}/delegations/register/")
    name = page.get_by_role("textbox", name="Delegation")
    name.fill("ghana")
    expect(page.get_by_role("radio", name="Ghana · State")).to_be_visible()
    name.press("Enter")
    expect(page.get_by_role("radio", name="Ghana · State")).to_be_checked()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register for the meeting")
