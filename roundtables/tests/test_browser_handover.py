"""The handover: Mexico's Chair's office prepares 2011 for Switzerland and invites a Swiss officer, who joins
through the mailed link and runs 2011; the Mexican officer reads 2011 but cannot change it."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from conftest import sign_in
from roundtables.models import Meeting, MeetingRole
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.browser

MEXICAN = "officer.mx@example.org"
SWISS = "officer.ch@example.org"
ROUNDTABLE = "Partnerships for more regular and protected migration"


@pytest.fixture
def vallarta(transactional_db):
    meeting = MeetingFactory(
        number=4,
        title_en="Fourth Meeting of the Global Forum on Migration and Development",
        chair_country="MX",
        is_current=True,
        time_zone="America/Mexico_City",
    )
    roundtable = RoundtableFactory(meeting=meeting, number=1, title_en=ROUNDTABLE)
    SessionFactory(
        roundtable=roundtable,
        meeting=meeting,
        code="1.1",
        starts_at=dt.datetime(2010, 11, 9, 16, tzinfo=dt.UTC),
        ends_at=dt.datetime(2010, 11, 9, 18, tzinfo=dt.UTC),
    )
    mexican = UserFactory(email=MEXICAN, first_name="Lucía", last_name="Ramírez")
    MeetingRole.objects.create(meeting=meeting, user=mexican, role=MeetingRole.Role.CHAIR_STAFF)
    UserFactory(email=SWISS, first_name="Anna", last_name="Keller")
    return meeting


def test_mexico_prepares_2011_for_switzerland_whose_officer_joins(vallarta, live_server, page, screenshot, mailoutbox):
    sign_in(page, live_server, MEXICAN, PASSWORD)
    page.goto(f"{live_server.url}/chair/meetings/4/")
    page.get_by_role("link", name="Prepare the next meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prepare the next meeting")
    expect(page.get_by_label("Number")).to_have_value("5")
    page.get_by_label("Chairing government").select_option("CH")
    page.get_by_label("Officers of the next Chair's office").fill(SWISS)
    page.get_by_label("Title (English)").fill("Fifth Meeting of the Global Forum on Migration and Development")
    page.get_by_label("Theme (English)").fill("Taking Action on Migration and Development")
    page.get_by_label("Host country").select_option("CH")
    page.get_by_label("City (English)").fill("Geneva")
    page.get_by_label("Time zone").fill("Europe/Zurich")
    screenshot("prepare")
    page.get_by_role("button", name="Prepare the next meeting").click()
    expect(page.get_by_text("its Chair's office was invited")).to_be_visible()
    expect(page.locator(".chair-context")).to_contain_text("chaired by Switzerland")
    screenshot("prepared")
    geneva = Meeting.objects.get(number=5)
    assert (geneva.chair_country.code, geneva.roundtables.get().title_en) == ("CH", ROUNDTABLE)

    [mail] = [message for message in mailoutbox if message.to == [SWISS]]
    # The link is made on SITE_URL when the mail is sent; the live server has its own port.
    path = re.search(r"https?://[^/\s]+(/staff/join/\S+/)", mail.body).group(1)

    page.context.clear_cookies()
    sign_in(page, live_server, SWISS, PASSWORD)
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the Chair's office")
    expect(page.locator("main")).to_contain_text("Fifth Meeting")
    screenshot("join")
    page.get_by_role("button", name="Join the Chair's office").click()
    expect(page.get_by_text("Welcome to the Chair's office of Fifth Meeting")).to_be_visible()
    page.get_by_role("link", name="Roundtables and sessions").click()
    expect(page.locator("main")).to_contain_text(ROUNDTABLE)
    page.get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chair's office staff")
    expect(page.locator("main")).to_contain_text(SWISS)
    expect(page.get_by_role("button", name="Send the invitation")).to_be_visible()
    screenshot("swiss-staff")

    # The outgoing Chair reads 2011's preparation, and is refused every change on the server.
    page.context.clear_cookies()
    sign_in(page, live_server, MEXICAN, PASSWORD)
    page.goto(f"{live_server.url}/chair/meetings/5/structure/")
    expect(page.locator("main")).to_contain_text(ROUNDTABLE)
    page.goto(f"{live_server.url}/chair/meetings/5/people/")
    expect(page.locator("main")).to_contain_text(SWISS)
    expect(page.get_by_role("button", name="Send the invitation")).to_have_count(0)
    screenshot("mexico-reads-2011")
    assert page.request.get(f"{live_server.url}/chair/meetings/5/details/").status == 403
    assert page.request.get(f"{live_server.url}/chair/meetings/5/roundtables/new/").status == 403
    assert page.request.get(f"{live_server.url}/chair/meetings/5/prepare/").status == 403
