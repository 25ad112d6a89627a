"""The travel and hotel journey in a real Chromium, on the 2010 demo: Mexico's delegate enters her arrival
(a date weeks before the meeting is refused next to the field, with what she typed kept), then books the
last junior suite of the Hotel Riviera Vallarta; Ghana's rapporteur, whose page still offered it in another
browser, is refused; the Chair's office sees her arrival in the arrivals list, with her hotel, and asks for
the PDF."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import sign_in
from logistics.models import HotelBooking, TravelPlan

pytestmark = pytest.mark.browser

SUITES = "Junior suite, ocean view"
RIVIERA = "Hotel Riviera Vallarta (illustrative)"


def suite_card(page):
    return page.locator("article.room-block").filter(has_text=SUITES)


def test_the_last_room_is_booked_once_and_the_chair_sees_the_arrival(
    demo, live_server, page, screenshot, browser, browser_context_args
):
    # Ghana's rapporteur opens the page in their own browser while one suite is still free.
    other_context = browser.new_context(**browser_context_args)
    other = other_context.new_page()
    sign_in(other, live_server, "rapporteur@example.org")
    other.goto(f"{live_server.url}/logistics/travel/")
    expect(suite_card(other)).to_contain_text("1 of 2 rooms free")

    # Mexico's delegate finds the page in her menu.
    sign_in(page, live_server, "delegate.mx@example.org")
    page.get_by_role("button", name=re.compile("Sofía Castillo")).click()
    page.get_by_role("link", name="Travel and hotel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Travel and hotel")

    page.get_by_label("Arrival date and time").fill("2010-10-20T10:00")
    page.get_by_label("Arriving at (airport)").fill("Puerto Vallarta (PVR)")
    page.get_by_label("Flight number").first.fill("AM 1528")
    page.get_by_label("Airline").first.fill("Aeroméxico")
    page.get_by_label("Departure date and time").fill("2010-11-11T19:10")
    page.get_by_label("I need an airport transfer on arrival and departure").check()
    page.get_by_role("button", name="Save arrival and departure").click()
    field = page.locator("#id_arrival_at").locator("xpath=..")
    expect(field.get_by_text("Choose a date from 1 November 2010 to 18 November 2010")).to_be_visible()
    expect(page.get_by_label("Flight number").first).to_have_value("AM 1528")
    screenshot("window-refused")
    page.get_by_label("Arrival date and time").fill("2010-11-07T14:30")
    page.get_by_role("button", name="Save arrival and departure").click()
    expect(page.get_by_text("Your arrival and departure are saved.")).to_be_visible()
    assert TravelPlan.objects.get(registration__person__email="delegate.mx@example.org").needs_transfer

    card = suite_card(page)
    expect(card).to_contain_text("1 of 2 rooms free")
    card.get_by_label("Check-in").fill("2010-11-07")
    card.get_by_label("Check-out").fill("2010-11-11")
    card.get_by_role("button", name=re.compile("Book a room")).click()
    expect(page.get_by_text(f"Your room at {RIVIERA} is booked.")).to_be_visible()
    booking = page.locator("section").filter(has=page.get_by_role("heading", name="Your hotel booking"))
    expect(booking).to_contain_text(RIVIERA)
    expect(booking).to_contain_text("4 nights")
    expect(suite_card(page)).to_contain_text("Full")
    screenshot("booked")

    # The rapporteur's page still shows the form: their booking is refused, the dates kept.
    other_card = suite_card(other)
    other_card.get_by_label("Check-in").fill("2010-11-08")
    other_card.get_by_role("button", name=re.compile("Book a room")).click()
    expect(suite_card(other)).to_contain_text("is full: all its 2 rooms are taken")
    expect(suite_card(other).get_by_label("Check-in")).to_have_value("2010-11-08")
    other.screenshot(path=str(settings.VAR_DIR / "screenshots" / "test_travel_browser-refused.png"), full_page=True)
    assert HotelBooking.objects.filter(block__room_type=SUITES).count() == 2
    assert not HotelBooking.objects.filter(registration__person__email="rapporteur@example.org").exists()
    other_context.close()

    # The Chair's office sees the arrival, with the hotel, and asks for the PDF.
    page.context.clear_cookies()
    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Hotels and arrivals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner hotels")
    suites = page.get_by_role("row").filter(has_text=SUITES)
    expect(suites).to_contain_text("2 of 2")
    screenshot("hotels")
    page.get_by_role("link", name="Arrivals", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arrivals")
    day = page.locator("section").filter(has=page.get_by_role("heading", name="Sunday 7 November 2010"))
    row = day.get_by_role("row").filter(has_text="Sofía Castillo")
    expect(row).to_contain_text("14:30")
    expect(row).to_contain_text("AM 1528")
    expect(row).to_contain_text("Needed")
    expect(row).to_contain_text(RIVIERA)
    screenshot("arrivals")
    page.get_by_role("button", name="Arrivals (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Arrivals")
    screenshot("pdf")
