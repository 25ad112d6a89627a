"""A visitor finds the report of the proceedings on a meeting's page in the public archive."""

import pytest
from playwright.sync_api import expect

from reports.models import GeneratedFile

pytestmark = pytest.mark.browser


def test_a_visitor_opens_the_proceedings_from_the_archive(demo, live_server, page, screenshot):
    page.goto(f"{live_server.url}/meetings/3/")
    expect(page.get_by_label("Language of the report")).to_have_value("en")  # the reader's
    page.get_by_label("Language of the report").select_option("fr")
    page.get_by_role("button", name="Report of the proceedings (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report of the proceedings")
    expect(page.locator(".lead")).to_contain_text("French")
    expect(page.get_by_role("status")).to_contain_text("The report is being produced")
    screenshot("pending")

    # Tasks run at once in the tests: the file is ready for the next visit.
    response = page.request.get(f"{live_server.url}/reports/meetings/3/proceedings/?language=fr")
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    assert response.body().startswith(b"%PDF")
    [generated] = GeneratedFile.objects.filter(kind="proceedings", requested_by=None)
    assert generated.parameters["language"] == "fr"
