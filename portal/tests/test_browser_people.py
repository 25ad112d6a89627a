import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_the_chair_office_deactivates_a_person_who_can_no_longer_sign_in(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").or_(page.get_by_role("link", name="Chair's office")).first.click()
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    page.get_by_label("Name, e-mail address, organisation or delegation").fill("castillo")
    page.get_by_role("button", name="Search").click()
    screenshot("search")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("search-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Ms Sofía Castillo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ms Sofía Castillo")
    registrations = page.get_by_role("region", name="Registrations")
    expect(registrations).to_contain_text("Mexico")
    screenshot("person")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("person-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Deactivate the account").click()
    page.get_by_label("Reason").fill("Left the ministry in December.")
    screenshot("deactivate")
    page.get_by_role("button", name="Deactivate the account").click()
    expect(page.get_by_text("is deactivated and their sessions are ended")).to_be_visible()
    expect(page.get_by_role("region", name="The account's history")).to_contain_text("Left the ministry in December.")
    screenshot("deactivated")

    page.context.clear_cookies()
    sign_in(page, live_server, "delegate.mx@example.org")
    expect(page).to_have_url(re.compile(r"/accounts/inactive/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("inactive", re.IGNORECASE))
    screenshot("inactive")
    expect(page.get_by_role("link", name="My GFMD")).to_have_count(0)
