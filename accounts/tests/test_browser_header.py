"""The header on a phone: one slim row (brand and menu button); the language and account controls fold
into the menu, and everything is still reachable by keyboard. On a desktop nothing is folded."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def header_height(page) -> float:
    return page.locator("header.portal-header").evaluate("el => el.getBoundingClientRect().height")


def test_on_a_phone_the_header_is_one_row_and_the_menu_holds_language_and_account(demo, live_server, page, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/me/dashboard/")
    header = page.locator("header.portal-header")
    language = header.get_by_label("Language")
    account = header.get_by_role("button", name="Ms")
    menu_button = header.get_by_role("button", name="Show navigation")

    assert header_height(page) <= 72
    expect(language).to_be_hidden()
    expect(header.get_by_role("link", name="Programme")).to_be_hidden()
    screenshot("phone-closed")

    # By keyboard: the menu button comes right after the brand, and the controls right after it.
    header.locator(".portal-brand").focus()
    page.keyboard.press("Tab")
    expect(menu_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(language).to_be_visible()
    expect(header.get_by_role("link", name="Programme")).to_be_visible()
    page.keyboard.press("Tab")
    expect(language).to_be_focused()
    page.keyboard.press("Tab")
    expect(account).to_be_focused()
    page.keyboard.press("Enter")
    expect(header.get_by_role("link", name="My registration")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))
    screenshot("phone-open")


def test_on_a_phone_a_visitor_finds_sign_in_in_the_menu(demo, live_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    header = page.locator("header.portal-header")
    assert header_height(page) <= 72
    expect(header.get_by_role("link", name="Sign in")).to_be_hidden()
    header.get_by_role("button", name="Show navigation").click()
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    expect(header.get_by_label("Language")).to_be_visible()


def test_on_a_desktop_nothing_is_folded(demo, live_server, page, screenshot):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/me/dashboard/")
    header = page.locator("header.portal-header")
    expect(header.get_by_role("button", name="Show navigation")).to_be_hidden()
    expect(header.get_by_label("Language")).to_be_visible()
    expect(header.get_by_role("link", name="Programme")).to_be_visible()
    screenshot("desktop")

    # A tablet: the navigation folds, the language and account controls stay in the top row.
    page.set_viewport_size({"width": 820, "height": 1000})
    expect(header.get_by_role("button", name="Show navigation")).to_be_visible()
    expect(header.get_by_label("Language")).to_be_visible()
    expect(header.get_by_role("link", name="Programme")).to_be_hidden()
    screenshot("tablet")
