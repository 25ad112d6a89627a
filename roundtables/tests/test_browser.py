import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from icalendar import Calendar
from playwright.sync_api import expect

from conftest import sign_in
from roundtables.models import Session

pytestmark = pytest.mark.browser


def shoot(page, request, name: str) -> None:
    """Like the `screenshot` fixture, for a page of another browser context (an anonymous visitor)."""
    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{request.node.name}-{name}.png"), full_page=True)


def test_chair_office_adds_a_session_to_rt3_and_publishes_it(demo, live_server, page, screenshot, request):
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

    page.get_by_role("link", name="Publish").first.click()
    expect(page.locator(".change-list")).to_contain_text("3.4 «Migration, environment and climate change»: added.")
    screenshot("publish")
    # Publishing goes through a confirmation that names what becomes public, and where.
    page.get_by_role("link", name="Publish version 2…").click()
    expect(page.locator(".publish-what")).to_contain_text(
        "Version 2 of the programme of the Fourth Meeting of the Global Forum on Migration and Development: "
        "13 sessions, 3 roundtables, will be public at"
    )
    screenshot("publish-confirm")
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.get_by_text("Version 2 of the programme is published")).to_be_visible()
    # Version 1 stays readable at its own address, saying it was superseded.
    page.get_by_role("link", name="Version 1", exact=True).click()
    expect(page.locator(".superseded-banner")).to_contain_text(
        "This is version 1 of the programme; it was superseded by version 2 on"
    )
    screenshot("version-1-superseded")
    page.get_by_role("link", name="Read the latest programme (version 2)").click()
    expect(page.locator(".superseded-banner")).to_have_count(0)
    page.go_back()
    page.go_back()

    page.get_by_role("link", name="Activity log").first.click()
    expect(page.locator("tbody tr").first).to_contain_text("Programme published")
    screenshot("activity")

    # An anonymous visitor sees the new session in the programme and in its calendar feed.
    visitor = page.context.browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    public = visitor.new_page()
    public.goto(live_server.url)
    public.get_by_role("link", name="Programme", exact=True).click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Programme")
    expect(public.locator(".programme-changes")).to_contain_text(
        "3.4 «Migration, environment and climate change»: added."
    )
    wednesday = public.locator("#day-2010-11-10")
    expect(wednesday).to_contain_text("3.4 Migration, environment and climate change")
    shoot(public, request, "programme")
    public.get_by_role("link", name="3.4 Migration, environment and climate change").first.click()
    expect(public.get_by_role("heading", level=1)).to_have_text("3.4 Migration, environment and climate change")
    team = public.locator(".session-team")
    expect(team).to_contain_text("Italy")
    expect(team).to_contain_text("Kenya")
    expect(team).to_contain_text("Dr Daniel Okafor")
    shoot(public, request, "session")
    feed = public.request.get(f"{live_server.url}/meetings/4/programme.ics")
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(feed.body()).events}
    added = events["3.4 Migration, environment and climate change"]
    vallarta = ZoneInfo("America/Mexico_City")
    assert (added.start, added.end) == (
        dt.datetime(2010, 11, 10, 17, 30, tzinfo=vallarta),
        dt.datetime(2010, 11, 10, 19, tzinfo=vallarta),
    )
    assert str(added["LOCATION"]).startswith("Room C")
    visitor.close()


def test_chair_office_copies_the_meeting_into_next_year(demo, live_server, page, screenshot):
    # Portal support: meeting 6 is two after 2010, outside the Mexican Chair's office's troika.
    sign_in(page, live_server, "support@example.org")
    page.goto(f"{live_server.url}/chair/copy/")
    # The demo already prepares the Fifth Meeting (Switzerland 2011): the next free number is 6.
    expect(page.get_by_label("Number")).to_have_value("6")
    page.get_by_label("Title (English)").fill("Sixth Meeting of the Global Forum on Migration and Development")
    page.get_by_label("Theme (English)").fill("Enhancing the human development of migrants")
    page.get_by_label("Host country").select_option("MU")
    page.get_by_label("City (English)").fill("Port Louis")
    page.get_by_label("Time zone").fill("Indian/Mauritius")
    screenshot("copy")
    page.get_by_role("button", name="Create the new meeting").click()
    expect(page.get_by_text("Its teams are yours to form.")).to_be_visible()
    expect(page.locator(".stat").first).to_have_text("12")
    screenshot("new-meeting")
    page.get_by_role("link", name="Schedule").first.click()
    expect(page.locator(".schedule-table")).to_contain_text("Monday")


def test_co_chair_edits_their_sessions_description(demo, live_server, page, screenshot):
    # Mexico co-chairs session 1.1 in the demo; its focal point is a co-chair.
    sign_in(page, live_server, "focalpoint.mx@example.org")
    page.get_by_role("button", name="Mr Javier Herrera").click()
    page.get_by_role("link", name="Sessions I co-chair").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sessions I co-chair")
    expect(page.locator(".co-chair-session")).to_have_count(1)
    page.get_by_role("link", name="Edit the description and notes 1.1").click()
    page.get_by_label("Description (English)").fill(
        "Partnerships for more regular and protected migration, as Mexico sees them."
    )
    page.get_by_role("tab", name="Spanish").click()
    page.get_by_label("Description (Spanish)").fill("Alianzas para una migración más regular y protegida.")
    page.get_by_label("Team notes").fill("Draft questions for the moderator by 1 November.")
    expect(page.get_by_label("Title (English)")).to_have_count(0)
    screenshot("edit")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The description of 1.1 was saved.")).to_be_visible()
    expect(page.locator(".co-chair-session")).to_contain_text("as Mexico sees them.")
    expect(page.locator(".co-chair-session")).to_contain_text("Draft questions for the moderator")
    screenshot("saved")
    # The edit page of a session Mexico does not co-chair does not exist for this co-chair.
    other = Session.objects.get(meeting__number=4, code="2.1")
    assert page.request.get(f"{live_server.url}/my-sessions/{other.pk}/edit/").status == 404


def test_programme_prints_without_the_navigation(demo, live_server, page, screenshot):
    page.goto(f"{live_server.url}/programme/")
    page.emulate_media(media="print")
    expect(page.locator(".portal-header")).to_be_hidden()
    expect(page.locator(".day-nav")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_role("heading", name="Wednesday 10 November 2010")).to_be_visible()
    screenshot("print")
