"""The Swiss Chair's office prepares 2011's membership in the portal: sets Mexico's Steering Group
membership for 2011 and nominates its focal point by mail; Mexico's 2010 focal point cannot touch 2011
until the nomination arrives, is followed, signed in and accepted."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^/\s]+(/delegations/focal-points/\S+/)")


def test_chair_office_sets_2011_membership_and_a_2010_focal_point_accepts_2011_by_mail(
    demo, live_server, page, mailoutbox, screenshot
):
    from delegations.models import Delegation, FocalPoint, MeetingMembership
    from delegations.tests.factories import RegistrationFactory
    from roundtables.models import Meeting

    next_meeting = Meeting.objects.get(number=5)
    mexico = Delegation.objects.get(country="MX")
    # Someone registered with Mexico for 2011: Mexico's 2010 focal point has no say on it yet.
    waiting = RegistrationFactory(meeting=next_meeting, delegation=mexico, person__last_name="Ortega")
    sign_in(page, live_server, "focalpoint.mx@example.org")
    response = page.goto(f"{live_server.url}/delegations/registrations/{waiting.pk}/")
    assert response.status == 404
    page.context.clear_cookies()

    # The Swiss Chair's office: Mexico in the Steering Group of 2011, from the meeting's list.
    sign_in(page, live_server, "chair.ch@example.org")
    page.goto(f"{live_server.url}/delegations/meetings/5/membership/")
    # She reads the portal in French: the fields are reached by their ids, the names by the stored name.
    page.locator("#id_q").fill("Mexi")
    page.locator("main form[role=search] button[type=submit]").click()
    row = page.locator("tbody tr", has_text="Mexi")
    row.locator("input[name=steering_group]").check()
    row.locator("button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    screenshot("list")
    membership = MeetingMembership.objects.get(delegation=mexico, meeting=next_meeting)
    assert membership.steering_group and not membership.friends_of_the_forum
    # 2010's membership stays as it was.
    assert MeetingMembership.objects.get(delegation=mexico, meeting__number=4).friends_of_the_forum

    # Mexico's page for 2011: the 2010 focal point is nominated again, for 2011.
    page.goto(f"{live_server.url}/delegations/{mexico.pk}/meetings/5/membership/")
    page.locator("#id_email").fill("focalpoint.mx@example.org")
    page.locator("form[action$='/focal-points/nominate/'] button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text("focalpoint.mx@example.org")
    screenshot("nominated")

    [mail] = [m for m in mailoutbox if m.to == ["focalpoint.mx@example.org"] and "/focal-points/" in m.body]
    path = LINK.search(mail.body).group(1)

    # The nominee follows the link, signs in and accepts.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Focal point of Mexico")
    screenshot("offer-anonymous")
    page.locator("main").get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("focalpoint.mx@example.org")
    page.get_by_label("Password").fill("gfmd-demo-2010")
    page.locator("main").get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Accept the nomination")).to_be_visible()
    screenshot("offer")
    page.get_by_role("button", name="Accept the nomination").click()
    expect(page.locator(".alert-success")).to_contain_text("You are now focal point of Mexico")
    assert FocalPoint.objects.filter(user__email="focalpoint.mx@example.org", meeting=next_meeting).exists()

    # Now 2011's registration is theirs to decide.
    response = page.goto(f"{live_server.url}/delegations/registrations/{waiting.pk}/")
    assert response.status == 200
    expect(page.locator("main")).to_contain_text("Ortega")
    screenshot("registration-2011")

    # The link works once.
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("alert")).to_contain_text("already been accepted")
