"""The funding journey in a real Chromium, on the 2010 demo: the Chair's office opens a call with a budget
for one place; Ghana's focal point nominates two delegates and the second is refused with the reason; the
Chair's office funds the first, and downloads the report for the donors."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from conftest import sign_in
from logistics.models.funding import FundingNomination

pytestmark = pytest.mark.browser

TITLE = "Travel grants for Puerto Vallarta"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_ghana_nominates_two_against_a_budget_of_one(demo, live_server, page, screenshot, media_root):
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/4/funding/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Funded participation")
    page.get_by_role("link", name="New funding call").click()
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Economy-class return airfare").check()
    page.get_by_label("Hotel nights during the meeting").check()
    page.get_by_label("A group of countries").check()
    page.get_by_label("Group of countries", exact=True).select_option("lower_income")
    page.locator("#id_budget").fill("2500")
    page.locator("#id_cost_per_place").fill("2500")
    page.locator("#id_max_nominations").fill("2")
    deadline = timezone.localtime(timezone.now() + dt.timedelta(days=20))
    page.locator("#id_deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    screenshot("call-form")
    page.get_by_role("button", name="Save the call").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.get_by_role("button", name="Open for nominations").click()
    expect(page.get_by_text("The call is open for nominations.")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, live_server, "focalpoint.gh@example.org")
    page.goto(f"{live_server.url}/logistics/funding/")
    section = page.get_by_role("region", name=f"{TITLE} · Ghana")
    section.get_by_role("link", name="Nominate a person").click()
    page.locator("#id_registration").select_option(label="Mr Kofi Boateng · Delegate · Pending")
    page.locator("#id_justification").fill("Counsellor in charge of diaspora engagement.")
    page.get_by_role("button", name="Nominate").click()
    expect(page.get_by_text("is nominated. The Chair's office will decide.")).to_be_visible()

    page.goto(f"{live_server.url}/logistics/funding/")
    page.get_by_role("region", name=f"{TITLE} · Ghana").get_by_role("link", name="Nominate a person").click()
    page.locator("#id_registration").select_option(index=1)
    page.locator("#id_justification").fill("Rapporteur of session 1.1.")
    page.get_by_role("button", name="Nominate").click()
    error = page.locator("#id_estimated_cost").locator("xpath=..").get_by_text("The budget cannot fund this nomination")
    expect(error).to_be_visible()
    expect(page.locator("#id_justification")).to_have_value("Rapporteur of session 1.1.")
    screenshot("second-refused")

    page.context.clear_cookies()
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/4/funding/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("row").filter(has_text="Kofi Boateng").get_by_role("link", name=re.compile("^Decide")).click()
    page.get_by_label("Fund", exact=True).check()
    page.get_by_label("Amount funded (USD)").fill("2450")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("participation is funded.")).to_be_visible()
    expect(page.locator("[data-figure=committed]")).to_have_text("2,450.00 USD")
    expect(page.locator("[data-figure=remaining]")).to_have_text("50.00 USD")
    screenshot("decisions")
    nomination = FundingNomination.objects.get(call__title_en=TITLE)
    assert nomination.state == "funded" and nomination.person.email == "delegate.gh@example.org"

    with page.expect_download() as download:
        page.get_by_role("link", name="Funded participants (XLSX)").click()
    rows = list(load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active.iter_rows(values_only=True))
    assert rows[1][0] == "Ghana" and "Kofi Boateng" in rows[1][1]

    page.get_by_role("button", name="Funded participants (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Funded participants")
    screenshot("report")
