"""The side event's journey in a real Chromium, on the demo: Ghana's focal point proposes a side event;
Mexico's Chair's office tries a room taken by a session (refused, with the reason next to the room) and
accepts it into a free one; it shows in the public programme as a side event, and in the proposer's
agenda feed (the address shown on the agenda page, fetched and parsed)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from conftest import sign_in
from outcomes.tests.test_browser import watch_console

pytestmark = pytest.mark.browser

TITLE = "Migration data for development planning in West Africa"


def test_a_side_event_is_proposed_accepted_and_shows_in_the_programme_and_the_agenda_feed(
    demo, live_server, page, screenshot
):
    problems = watch_console(page)

    sign_in(page, live_server, "focalpoint.gh@example.org")
    page.goto(f"{live_server.url}/")
    page.locator(".utility-controls .dropdown-toggle").click()
    page.get_by_role("link", name="My side events").click()
    page.get_by_role("link", name="Propose a side event").click()
    expect(page.get_by_role("heading", name="Propose a side event", level=1)).to_be_visible()
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Description (English)").fill(
        "National statistics offices and the African Union on using migration data in development plans."
    )
    page.get_by_label("Organisers").fill("Government of Ghana and ECOWAS")
    page.get_by_label("Starts at").fill("2010-12-01T09:30")  # after the meeting: refused next to the field
    page.get_by_label("Ends at").fill("2010-12-01T10:45")
    page.get_by_label("Expected attendance").fill("45")
    page.get_by_label("Interpretation needed").check()
    page.get_by_role("button", name="Propose the side event").click()
    expect(page.locator("#id_starts_at").locator("xpath=..")).to_contain_text("The meeting runs from")
    expect(page.get_by_label("Title (English)")).to_have_value(TITLE)  # nothing typed is lost
    screenshot("refused")
    page.get_by_label("Starts at").fill("2010-11-11T09:30")
    page.get_by_label("Ends at").fill("2010-11-11T10:45")
    page.get_by_role("button", name="Propose the side event").click()
    expect(page.get_by_text("is proposed. The Chair's office will tell you")).to_be_visible()
    expect(page.get_by_role("row", name=TITLE)).to_contain_text("Proposed")
    screenshot("mine")
    page.context.clear_cookies()

    # Mexico's Chair's office: Room A is taken by the special session FF at that time.
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/4/side-events/")
    screenshot("review")
    page.get_by_role("link", name=TITLE).click()
    page.locator("#id_accept-room").select_option(label="Room A")
    page.get_by_role("button", name="Accept the side event").click()
    expect(page.locator("#id_accept-room").locator("xpath=..")).to_contain_text(
        "Room A is taken at that time by session FF"
    )
    expect(page.locator("#id_accept-room").locator("xpath=..")).to_contain_text(
        "Free at that time: Plenary Hall, Room B."
    )
    screenshot("clash")
    page.locator("#id_accept-room").select_option(label="Room B")
    page.get_by_role("button", name="Accept the side event").click()
    expect(page.get_by_text("is accepted and in the public programme")).to_be_visible()
    page.context.clear_cookies()

    # Anyone reads it in the public programme, marked as a side event.
    page.goto(f"{live_server.url}/programme/")
    card = page.locator("article.programme-extra", has_text=TITLE)
    expect(card).to_contain_text("Side event")
    expect(card).to_contain_text("Government of Ghana and ECOWAS")
    expect(card).to_contain_text("Room B")
    card.scroll_into_view_if_needed()
    screenshot("programme")

    # The proposer's agenda, and its feed at the address the page shows.
    sign_in(page, live_server, "focalpoint.gh@example.org")
    page.goto(f"{live_server.url}/")
    page.locator(".utility-controls .dropdown-toggle").click()
    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", name="My agenda", level=1)).to_be_visible()
    expect(page.locator(".agenda-list")).to_contain_text(TITLE)
    screenshot("agenda")
    feed_url = page.locator("#feed-url").input_value()
    page.context.clear_cookies()
    response = page.request.get(feed_url)
    assert response.ok
    calendar = Calendar.from_ical(response.body())
    events = {str(event["SUMMARY"]): event for event in calendar.events}
    side_event = events[f"Side event: {TITLE}"]
    assert side_event.start == dt.datetime(2010, 11, 11, 9, 30, tzinfo=ZoneInfo("America/Mexico_City"))
    assert any(summary.startswith("FF ") for summary in events)  # Ghana's focal point chose FF
    assert problems == []
