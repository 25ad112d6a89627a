import pytest
from playwright.sync_api import expect

from conftest import sign_in
from roundtables.models import Meeting

pytestmark = pytest.mark.browser


def test_the_chairs_office_finds_a_missing_french_venue_and_fills_it_in(demo, live_server, page, screenshot):
    Meeting.objects.filter(number=4).update(venue_fr="")
    sign_in(page, live_server, "chair@example.org")

    page.goto(f"{live_server.url}/chair/meetings/4/")
    page.get_by_role("navigation", name="Chair's office pages").get_by_role("link", name="Translations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Translations")
    expect(page.locator(".meeting-name")).to_have_text(
        "Fourth Meeting of the Global Forum on Migration and Development"
    )
    meeting_row = page.get_by_role("row", name="The meeting")
    expect(meeting_row.get_by_role("cell").nth(1)).to_have_text("1 of 1")
    section = page.get_by_role("region", name="The meeting")
    expect(section.get_by_role("row")).to_have_count(2)  # the header and the meeting
    expect(section.get_by_role("cell").first).to_have_text("Venue")
    screenshot("gaps")

    section.get_by_role("link", name="Translate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The meeting's details")
    page.get_by_role("tab", name="French").click()
    page.get_by_label("Venue (French)").fill("Centre international des congrès de Puerto Vallarta")
    page.get_by_role("button", name="Save the details").click()
    expect(page.get_by_text("The meeting's details were saved.")).to_be_visible()

    page.get_by_role("navigation", name="Chair's office pages").get_by_role("link", name="Translations").click()
    expect(page.get_by_role("region", name="The meeting")).to_have_count(0)
    expect(page.get_by_role("row", name="The meeting").get_by_role("cell").nth(1)).to_have_accessible_name("none")
    screenshot("fixed")
    assert Meeting.objects.get(number=4).venue_fr == "Centre international des congrès de Puerto Vallarta"
