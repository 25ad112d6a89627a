"""A visitor, not signed in, takes the papers of a demo session in Spanish in one download: from the session
page to the pack's page, watches it being made, downloads the zip and finds the Spanish translation in it."""

import zipfile

import pytest
from playwright.sync_api import expect

from reports import services
from reports.models import GeneratedFile
from reports.tasks import generate_report_task
from roundtables.models import Session

pytestmark = pytest.mark.browser


def test_an_anonymous_reader_downloads_a_session_pack_in_spanish(demo, live_server, page, screenshot, monkeypatch):
    # The task is held back (not run at once as elsewhere in the tests), so that the page shows the job
    # waiting and then in progress; the test then runs it as the worker would.
    queued: list[int] = []
    monkeypatch.setattr(generate_report_task, "delay", queued.append)
    session = Session.objects.get(meeting__number=4, code="2.1")

    page.goto(f"{live_server.url}/meetings/4/sessions/{session.pk}/")
    papers = page.locator(".session-papers")
    papers.get_by_label("Language of the papers").select_option("es")
    papers.scroll_into_view_if_needed()
    screenshot("session-page")
    papers.get_by_role("button", name="All papers in one download (zip)").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Document pack")
    expect(page.get_by_role("heading", name="The pack in Spanish")).to_be_visible()
    expect(page.get_by_text("in English, not translated")).to_be_visible()  # the case study has no Spanish file
    screenshot("offered")
    page.get_by_role("button", name="Prepare the pack in Spanish").click()

    expect(page.get_by_text("Waiting for its turn")).to_be_visible()
    [file_id] = queued
    GeneratedFile.objects.filter(pk=file_id).update(state=GeneratedFile.State.RUNNING, progress=40)
    expect(page.get_by_label("Progress")).to_have_attribute("value", "40")
    screenshot("progress")

    services.report_generate(file_id=file_id)
    link = page.get_by_role("link", name="Download the pack")
    expect(link).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="ready")).to_be_attached()
    screenshot("ready")

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "gfmd-4-session-2-1-papers-es.zip"
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        readme = archive.read("README.txt").decode()
        entry = archive.read("programme-entry.txt").decode()
    assert names[:2] == ["README.txt", "programme-entry.txt"]
    assert "2.1 - Estrategias de movilidad laboral para el desarrollo humano.pdf" in names
    assert any(name.startswith("2.1 - Country case study") for name in names)
    assert len(names) == 4
    assert "2.1" in entry
    assert "Country case study" in readme.split("\n\n")[2]  # fell back to English
    assert GeneratedFile.objects.get(pk=file_id).requested_by is None
