"""The Chair's office closes a past meeting's record, sees it read-only, corrects it on purpose and ends
the correction."""

import re

import pytest
from playwright.sync_api import expect

from activity.models import ActivityLog
from conftest import sign_in
from roundtables.models import Meeting, MeetingCorrection, Session

pytestmark = pytest.mark.browser


def test_the_chair_office_closes_a_past_meeting_and_corrects_it(demo, live_server, page, screenshot):
    # The demo closes Athens 2009; open its record again, as it was before the Chair's office closed it.
    Meeting.objects.filter(number=3).update(closed_at=None, closed_by=None)
    session = Session.objects.get(meeting__number=3, code="3.1")
    sign_in(page, live_server, "chair.gr@example.org")  # Greece's Chair's office closes its own meeting

    page.goto(f"{live_server.url}/chair/meetings/3/details/")
    expect(page.locator(".meeting-closed-banner")).to_have_count(0)
    page.get_by_role("link", name="Close the record").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Close the record of")
    screenshot("confirm-close")
    page.get_by_role("button", name="Close the record").click()

    banner = page.locator(".meeting-closed-banner")
    expect(banner).to_contain_text("is closed: its record is read-only.")
    expect(page.locator(".record-closed")).to_contain_text("Eleni Papadaki")
    expect(page.get_by_role("button", name="Save the details")).to_have_count(0)
    page.goto(f"{live_server.url}/chair/meetings/3/structure/")
    expect(page.locator(".meeting-closed-banner")).to_be_visible()
    expect(page.get_by_role("link", name="Add a roundtable")).to_have_count(0)
    screenshot("closed")

    page.goto(f"{live_server.url}/chair/meetings/3/details/")
    page.get_by_role("link", name="Open a correction").click()
    page.get_by_role("button", name="Open the correction").click()  # without a reason: refused
    expect(page.locator("main")).to_contain_text("This field is required.")
    page.get_by_label("Why does the closed record need a correction?").fill("Session 3.1's title was cut short.")
    page.get_by_role("button", name="Open the correction").click()
    expect(page.locator(".correction-open")).to_contain_text("Session 3.1's title was cut short.")
    screenshot("correction-open")

    page.goto(f"{live_server.url}/chair/sessions/{session.pk}/edit/")
    page.get_by_label("Title (English)").fill("Assessing the impact of migration on development (corrected)")
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(re.compile(r"/chair/meetings/3/structure/"))
    session.refresh_from_db()
    assert session.title_en == "Assessing the impact of migration on development (corrected)"
    entry = ActivityLog.objects.get(action="roundtables.session.updated", object_id=str(session.pk))
    assert entry.data["correction"]["reason"] == "Session 3.1's title was cut short."

    page.goto(f"{live_server.url}/chair/meetings/3/details/")
    page.get_by_role("link", name="End the correction").click()
    page.get_by_role("button", name="End the correction").click()
    expect(page.get_by_text("read-only again")).to_be_visible()
    expect(page.get_by_role("link", name="Open a correction")).to_be_visible()
    screenshot("correction-ended")
    assert not MeetingCorrection.objects.open().exists()
