"""A focal point chooses in their profile how they hear of registrations awaiting their decision."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_a_focal_point_chooses_immediate_mail_in_the_profile(demo, live_server, page, screenshot):
    from accounts.models import User

    sign_in(page, live_server, "focalpoint.mx@example.org")
    page.goto(f"{live_server.url}/me/profile/")
    daily = page.get_by_label("Once a day, a list of the new registrations")
    expect(daily).to_be_checked()
    page.get_by_label("At once, one mail per registration").check()
    screenshot("profile")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.get_by_label("At once, one mail per registration")).to_be_checked()
    assert User.objects.get(email="focalpoint.mx@example.org").decision_mail == "immediate"


def test_a_delegate_is_not_asked(demo, live_server, page):
    sign_in(page, live_server, "delegate.mx@example.org")
    page.goto(f"{live_server.url}/me/profile/")
    expect(page.get_by_role("button", name="Save profile")).to_be_visible()
    expect(page.get_by_text("Registrations awaiting my decision")).to_have_count(0)
