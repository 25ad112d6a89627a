"""A Ghanaian delegate requests a visa support letter; the Chair's office issues all requested letters in the
background and follows the progress; the letter's verification URL, opened by a consulate that is not signed
in, says "Valid"; once the registration is withdrawn the same URL says "Revoked"."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_ghanaian_delegate_letter_issued_verified_then_revoked(demo, live_server, page, screenshot, settings):
    from accounts.models import User
    from delegations.models import Registration
    from delegations.services import registration_approve, registration_withdraw
    from logistics.models.visa import VisaLetter
    from logistics.selectors.visa import verification_url

    settings.SITE_URL = live_server.url
    kofi = Registration.objects.get(person__email="delegate.gh@example.org", meeting__start_date__year=2010)
    registration_approve(registration=kofi, actor=User.objects.get(email="focalpoint.gh@example.org"))

    # The delegate asks for the letter from the person menu.
    sign_in(page, live_server, "delegate.gh@example.org")
    page.get_by_role("button", name="Kofi Boateng").click()
    page.get_by_role("link", name="My visa letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My visa letter")
    page.get_by_label("Nationality (as in your passport)").select_option("GH")
    page.get_by_label("Passport number").fill("G4417829")
    page.get_by_label("Date of birth").fill("2031-02-03")  # a typo: in the future
    page.get_by_label("City of the consulate where you apply").fill("Accra")
    page.get_by_role("button", name="Request the letter").click()
    expect(page.locator("#id_date_of_birth").locator("xpath=..")).to_contain_text("must be in the past")
    expect(page.get_by_label("Passport number")).to_have_value("G4417829")  # nothing typed is lost
    screenshot("request-refused")
    page.get_by_label("Date of birth").fill("1983-02-03")
    page.get_by_role("button", name="Request the letter").click()
    expect(page.get_by_text("Your request is saved.")).to_be_visible()
    expect(page.get_by_text("Requested", exact=True)).to_be_visible()
    screenshot("requested")

    # The Chair's office issues every requested letter in the background.
    page.context.clear_cookies()
    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Visa letters").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Visa letters")
    waiting = VisaLetter.objects.filter(state="requested").count()
    assert waiting >= 2  # Kofi's and the demo's own
    screenshot("chair-list")
    page.get_by_role("button", name=f"Issue all {waiting} requested letters").click()
    expect(page.get_by_role("status").filter(has_text=f"{waiting} of {waiting} letters issued")).to_be_visible(
        timeout=60_000
    )
    page.get_by_label("State").select_option("issued")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="Kofi Boateng").click()
    expect(page.get_by_text("G4417829")).to_be_visible()
    screenshot("chair-letter")
    page.get_by_role("button", name="Download the letter (PDF)").click()
    expect(page.get_by_role("link", name=re.compile("Download"))).to_be_visible(timeout=60_000)

    letter = VisaLetter.objects.get(registration=kofi)
    assert letter.state == "issued" and letter.reference.startswith("GFMD2010-VL-")
    url = verification_url(letter)

    # A consulate scans the QR code: not signed in.
    page.context.clear_cookies()
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Valid"))
    expect(page.get_by_text("Kofi Boateng")).to_be_visible()
    expect(page.get_by_text("ending in 7829")).to_be_visible()
    assert "G4417829" not in page.content()
    screenshot("verify-valid")

    # Kofi withdraws: the same QR code now says revoked.
    registration_withdraw(registration=kofi, actor=kofi.person)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Revoked"))
    screenshot("verify-revoked")
    page.goto(url[:-3] + "abc/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Not valid"))
