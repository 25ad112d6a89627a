"""Done means (issue 21, check-in): Mexico's check-in staff member submits the decoded values of three badges
(one twice, one withdrawn), with the network cut for one scan that is queued and sent when it returns; the
Chair's office's live counts update by themselves; the attendance PDF lists the two who came.

The demo's 2010 meeting is moved to today: the door refuses scans outside the meeting's days. No camera:
the typed (pasted) path."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import sign_in
from delegations.badge_tokens import badge_token
from delegations.models import Registration
from logistics.models import CheckIn
from roundtables.models import Meeting

pytestmark = pytest.mark.browser


def _pdf_text(content: bytes) -> str:
    # Read with pypdf here: reports' helper sits in a layer above logistics' tests.
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def _value(registration) -> str:
    # What the camera decodes from the badge: its verification URL.
    return (
        f"https://portal.example.org/reports/badges/verify/{badge_token(registration.pk, registration.badge_serial)}/"
    )


def _paste(page, value):
    page.get_by_label("Badge code (what the QR code reads)").fill(value)
    page.get_by_role("button", name="Check in", exact=True).click()


def test_checkin_staff_scan_three_badges_with_the_network_cut_once(demo, live_server, page, browser, screenshot):
    today = timezone.localdate()
    Meeting.objects.filter(number=4).update(
        start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=1)
    )
    mexico = Registration.objects.filter(meeting__number=4, status=Registration.Status.APPROVED)
    sofia = mexico.get(person__email="delegate.mx@example.org")
    daniel = mexico.get(person__email="rapporteur@example.org")
    gone = mexico.exclude(pk__in=[sofia.pk, daniel.pk]).order_by("pk").first()
    Registration.objects.filter(pk=gone.pk).update(status=Registration.Status.WITHDRAWN)

    # The Chair's office watches the live counts in another browser.
    chair_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    chair = chair_context.new_page()
    sign_in(chair, live_server, "chair@example.org")
    chair.goto(f"{live_server.url}/chair/meetings/4/attendance/")
    expect(chair.get_by_role("heading", level=1)).to_have_text("Attendance")
    today_people = chair.locator("#attendance-days tr.table-active [data-count=people]")
    expect(today_people).to_have_count(0)

    sign_in(page, live_server, "checkin@example.org")
    page.get_by_role("button", name="Rosa Medina").click()
    page.get_by_role("link", name="Check-in at the door").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check-in at the door")
    answer = page.locator("#checkin-answer")

    _paste(page, _value(sofia))
    expect(page.locator("#checkin-answer-title")).to_have_text("Welcome")
    expect(page.locator("#checkin-answer-name")).to_contain_text("Sofía Castillo")
    expect(page.locator("#checkin-answer-details")).to_contain_text("Mexico")
    expect(answer).to_have_class(lambda_class("border-success"))
    screenshot("welcome")

    _paste(page, _value(sofia))
    expect(page.locator("#checkin-answer-title")).to_have_text("Already in today")
    expect(answer).to_have_class(lambda_class("border-warning"))

    _paste(page, _value(gone))
    expect(page.locator("#checkin-answer-title")).to_have_text("Badge withdrawn")
    expect(answer).to_have_class(lambda_class("border-danger"))
    screenshot("withdrawn")

    page.context.set_offline(True)
    _paste(page, _value(daniel))
    expect(page.locator("#checkin-answer-title")).to_have_text("Queued: will be sent when the connection returns")
    expect(page.locator("#checkin-network")).to_contain_text("Offline")
    screenshot("queued")
    assert not CheckIn.objects.filter(registration=daniel, day=today).exists()
    page.context.set_offline(False)
    expect(page.locator("#checkin-answer-title")).to_have_text("Welcome", timeout=15_000)
    expect(page.locator("#checkin-answer-name")).to_contain_text("Daniel Okafor")
    expect(page.locator("#checkin-queue")).to_have_text("")
    screenshot("sent")

    # The name search offers the meeting's approved people (and not the withdrawn one).
    page.get_by_label("Name or delegation").fill("Okafor")
    expect(page.locator(".checkin-pick")).to_have_count(1)

    expect(today_people).to_have_text("2", timeout=15_000)  # the live page refreshed by itself
    chair.screenshot(path="var/screenshots/test_checkin_browser-attendance.png", full_page=True)

    chair.get_by_role("button", name="Attendance list (PDF)").click()
    download = chair.get_by_role("link", name="Download the PDF")
    expect(download).to_be_visible(timeout=120_000)
    with chair.expect_download() as event:
        download.click()
    text = _pdf_text(Path(event.value.path()).read_bytes())
    today_heading = today.strftime("%A %-d %B %Y")
    assert today_heading in text
    section = text[text.index(f"{today_heading} 2 people checked in") :]  # the day's list
    assert "Castillo" in section and "Okafor" in section
    assert gone.person.display_name not in section
    assert CheckIn.objects.filter(day=today).count() == 2
    chair_context.close()


def lambda_class(name):
    import re

    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")
