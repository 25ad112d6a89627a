"""The Swiss Chair's office names 2011's civil-society coordinator on its staff page; 2010's coordinator
reads 2011's civil-society list only from then on."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

COORDINATOR = "civilsociety@example.org"


def test_the_swiss_chairs_office_names_2011s_coordinator(demo, live_server, page, screenshot):
    civil_society_2011 = f"{live_server.url}/delegations/meetings/5/civil-society/"
    sign_in(page, live_server, COORDINATOR)
    assert page.request.get(civil_society_2011).status == 403  # 2010's coordinator, not 2011's
    page.context.clear_cookies()

    sign_in(page, live_server, "chair.ch@example.org")
    page.goto(f"{live_server.url}/chair/meetings/5/people/")
    # Switzerland's officer reads the portal in French: the section, field and button by their ids, the
    # messages in French.
    section = page.locator('section[aria-labelledby="coordinator-title"]')
    expect(section).to_contain_text("Personne n’est encore nommé pour cette réunion.")
    section.locator("#id_coordinator-email").fill("nobody@example.org")
    section.locator('button[type="submit"]').last.click()
    expect(page.locator("#id_coordinator-email_error")).to_contain_text("Aucun compte n’a l’adresse nobody@example.org")
    screenshot("unknown-address")
    section.locator("#id_coordinator-email").fill(COORDINATOR)
    section.locator('button[type="submit"]').last.click()
    expect(page.get_by_role("alert").first).to_contain_text("est désormais coordinateur de la société civile de")
    expect(section).to_contain_text(COORDINATOR)
    screenshot("named")
    page.context.clear_cookies()

    sign_in(page, live_server, COORDINATOR)
    page.goto(civil_society_2011)
    expect(page.get_by_role("heading", level=1)).to_have_text("Civil-society organisations")
