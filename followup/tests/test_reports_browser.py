"""The follow-up journey in a real Chromium: Mexico's focal point files an "in progress" report with a
document on Athens 2009's recommendation on Migration Profiles; the reports' page shows it, and the
Mexican Chair's office sees the status and the report in its review."""

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD
from conftest import sign_in
from followup.models import FollowUpReport, Recommendation
from followup.tests.factories_reports import athens, chair_staff_of, focal_point, mexico, recommendation_of
from papers.tests.files import pdf_bytes

pytestmark = pytest.mark.browser


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def followup(transactional_db, media_root):
    meetings = athens(), mexico()
    recommendation = recommendation_of(
        meetings[0],
        "3.1",
        text_en=(
            "Governments should prepare and regularly update Migration Profiles, with the support of international "
            "organisations, as a basis for coherent migration and development policies."
        ),
    )
    person, _mexico = focal_point("MX", meetings[1], email="focalpoint.mx@example.org", first_name="Javier")
    chair = chair_staff_of(meetings[1])
    return recommendation, person, chair


def test_focal_point_reports_progress_and_the_chair_sees_it(page, live_server, screenshot, followup, tmp_path):
    recommendation, person, chair = followup
    document = tmp_path / "perfil-migratorio-2010.pdf"
    document.write_bytes(pdf_bytes("Perfil Migratorio de México 2010"))

    sign_in(page, live_server, person.email, PASSWORD)
    page.goto(f"{live_server.url}/recommendations/{recommendation.identifier}/reports/")
    expect(page.get_by_text("No delegation has reported on this recommendation yet.")).to_be_visible()
    page.get_by_role("link", name="File a follow-up report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("File a follow-up report")
    page.get_by_label("In progress").check()
    page.get_by_label("What has been done").fill(
        "México actualiza su Perfil Migratorio con el INEGI y la OIM; la edición 2010 añade las remesas."
    )
    page.get_by_label("Written in").select_option("es")
    page.get_by_label("Documents (optional)").set_input_files(str(document))
    screenshot("form")
    page.get_by_role("button", name="File the report").click()

    expect(page.get_by_text("Your follow-up report for Mexico is filed and public.")).to_be_visible()
    report = page.locator("article.followup-report")
    expect(report).to_have_count(1)
    expect(report.get_by_role("heading", name="Mexico")).to_be_visible()
    expect(report).to_contain_text("la edición 2010 añade las remesas")
    expect(report.get_by_role("link", name="perfil-migratorio-2010.pdf")).to_be_visible()
    expect(page.get_by_text("reported by Mexico")).to_be_visible()
    screenshot("reports")
    assert FollowUpReport.objects.get().attachments.count() == 1
    assert Recommendation.objects.get().status == Recommendation.Status.IN_PROGRESS

    page.context.clear_cookies()
    sign_in(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/chair/meetings/4/followup/")
    row = page.get_by_role("row").filter(has_text=recommendation.identifier)
    expect(row).to_contain_text("In progress")
    expect(row.get_by_role("cell", name="1", exact=True)).to_be_visible()
    screenshot("review")

    row.get_by_role("link", name="Change status").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change the status of {recommendation.identifier}")
    screenshot("status")
    page.get_by_role("link", name="Cancel").click()

    page.get_by_label(f"Ask about {recommendation.identifier} in a follow-up survey").check()
    page.get_by_role("button", name="Prepare a follow-up survey on the chosen recommendations").click()
    expect(page.get_by_text("A follow-up survey on 1 recommendation is ready as a draft")).to_be_visible()
    expect(page.get_by_role("link", name="Edit Status in your country")).to_be_visible()
    screenshot("survey")
