"""An invitation to someone registered with another delegation, as people click it."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_invitation_to_someone_registered_elsewhere(demo, live_server, page, mailoutbox, screenshot):
    # Kofi Boateng is registered with Ghana; Mexico's focal point cannot tell.
    sign_in(page, live_server, "focalpoint.mx@example.org")
    page.get_by_label("E-mail address").fill("delegate.gh@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("alert").first).to_have_text(
        re.compile(r"^\s*An invitation has been sent to delegate\.gh@example\.org\.")
    )
    expect(page.locator("main")).not_to_contain_text("Ghana")
    screenshot("sent")
    invitation = [m for m in mailoutbox if m.to == ["delegate.gh@example.org"]][-1]
    path = re.search(r"https?://[^/\s]+(/delegations/invitations/\S+/)", invitation.body).group(1)

    # Kofi opens the link and learns what stands in the way.
    page.context.clear_cookies()
    sign_in(page, live_server, "delegate.gh@example.org")
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("status")).to_contain_text(
        "You are already registered for this meeting with the delegation of Ghana. To register with the "
        "delegation of Mexico instead, withdraw that registration first, then open this link again."
    )
    screenshot("conflict")
