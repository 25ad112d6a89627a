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


def test_portal_support_invites_a_colleague_who_joins_then_removes_them(
    demo, live_server, page, screenshot, mailoutbox
):
    sign_in(page, live_server, "support@example.org")
    page.goto(f"{live_server.url}/chair/staff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Portal support")
    page.get_by_label("E-mail address of the colleague").fill("rapporteur@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("An invitation has been sent to rapporteur@example.org.")).to_be_visible()
    screenshot("staff")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("staff-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    [mail] = [message for message in mailoutbox if message.to == ["rapporteur@example.org"]]
    # The link is made on SITE_URL when the mail is sent; the live server has its own port.
    path = re.search(r"https?://[^/\s]+(/chair/staff/join/\S+/)", mail.body).group(1)

    page.context.clear_cookies()
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join portal support")
    screenshot("join")
    page.get_by_role("button", name="Join portal support").click()
    expect(page.get_by_text("Welcome to portal support.")).to_be_visible()
    expect(page.get_by_role("button", name="Chair's office")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, "support@example.org")
    page.goto(f"{live_server.url}/chair/staff/")
    page.get_by_role("link", name="Remove Dr Daniel Okafor").click()
    page.get_by_label("Reason").fill("The invitation was a test.")
    page.get_by_role("button", name="Remove from portal support").click()
    expect(page.get_by_text("Dr Daniel Okafor is no longer a member of portal support")).to_be_visible()
    changes = page.get_by_role("region", name="Latest changes")
    expect(changes).to_contain_text("Removed from portal support")
    expect(changes).to_contain_text("The invitation was a test.")
    screenshot("removed")
