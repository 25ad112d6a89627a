import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


def test_chair_office_adds_a_session_to_rt3_and_forms_its_team(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Roundtables and sessions").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roundtables and sessions")
    screenshot("structure")

    page.get_by_role("link", name="Add a session to roundtable 3").click()
    expect(page.get_by_label("Code")).to_have_value("3.4")
    page.get_by_label("Title (English)").fill("Migration, environment and climate change")
    page.get_by_role("tab", name="French").click()
    page.get_by_label("Title (French)").fill("Migration, environnement et changement climatique")
    page.get_by_role("tab", name="English").click()
    page.get_by_label("Description (English)").fill("How environmental change shapes human mobility.")
    page.get_by_label("Room").select_option(label="Room C")
    page.get_by_label("Starts at").fill("2010-11-10T17:30")
    page.get_by_label("Ends at").fill("2010-11-10T17:00")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator("#id_ends_at_error")).to_contain_text("The session must end after it starts.")
    expect(page.get_by_label("Title (English)")).to_have_value("Migration, environment and climate change")
    screenshot("session-refused")
    # Beside 3.1, in its room: the form reports the clash and the free rooms.
    page.get_by_label("Starts at").fill("2010-11-10T11:00")
    page.get_by_label("Ends at").fill("2010-11-10T13:00")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator("#id_room_error")).to_contain_text("Room C is taken at that time by 3.1")
    expect(page.locator("#id_room_error")).to_contain_text("Free at that time: Plenary Hall.")
    expect(page.get_by_label("Title (English)")).to_have_value("Migration, environment and climate change")
    screenshot("room-clash")
    page.get_by_label("Starts at").fill("2010-11-10T17:30")
    page.get_by_label("Ends at").fill("2010-11-10T19:00")
    page.get_by_role("button", name="Save session").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("3.4 Migration, environment and climate change")
    page.get_by_label("Find a delegation").press_sequentially("keny")
    page.get_by_role("button", name="Kenya").click()
    expect(page.locator("#delegations")).to_contain_text("Kenya")
    page.get_by_label("Find a delegation").press_sequentially("ital")
    expect(page.get_by_role("button", name="Italy")).to_be_visible()
    page.get_by_label("Find a delegation").press("ArrowDown")
    expect(page.get_by_role("button", name="Italy")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#delegations .team-list").first).to_contain_text("Italy")
    page.locator("#person-role").select_option("rapporteur")
    page.get_by_label("Find a person").press_sequentially("okafor")
    page.get_by_role("button", name="Dr Daniel Okafor").click()
    expect(page.locator("#people")).to_contain_text("Dr Daniel Okafor")
    screenshot("team")

    page.get_by_role("link", name="Schedule").first.click()
    expect(page.get_by_text("No clash")).to_be_visible()
    expect(page.locator(".schedule-table")).to_contain_text("17:30–19:00")
    screenshot("schedule")

    page.get_by_role("link", name="Activity log").first.click()
    expect(page.locator("tbody tr").first).to_contain_text("Person joined the team")
    screenshot("activity")
