"""A background paper's whole journey, clicked through as each person would, on the 2010 demo."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from papers.tests import files

pytestmark = pytest.mark.browser

TITLE = "Partnerships for more regular and protected migration: what works"


def _as(browser, browser_context_args, live_server, email):
    """A fresh browser (own cookies) signed in as `email`."""
    page = browser.new_context(**browser_context_args).new_page()
    sign_in(page, live_server, email)
    return page


def _open_paper(page, live_server):
    page.goto(f"{live_server.url}/papers/mine/")
    page.get_by_role("link", name=re.compile("Open the papers")).first.click()
    page.get_by_role("heading", name=TITLE).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_a_paper_from_draft_to_the_public_library(demo, live_server, browser, browser_context_args, page, screenshot):
    # The background paper's author, named on the team of 1.1, uploads the draft. (A delegate of
    # Mexico, co-chair government of 1.1, may not: writers are the team's people, the paper's
    # authors and the delegations' focal points.)
    sign_in(page, live_server, "author@example.org")
    page.get_by_role("button", name="Papers").click()
    page.get_by_role("link", name="My papers").click()
    expect(page.get_by_role("heading", name=re.compile("Partnerships for more regular"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Open the papers")).click()
    page.get_by_role("link", name="Upload the first draft").click()
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Abstract (English)").fill(
        "Bilateral agreements that open regular channels and protect migrants."
    )
    page.get_by_label("Ana Lucía Torres").check()
    page.get_by_label("File").set_input_files(
        files=[{"name": "Draft 1.1.pdf", "mimeType": "application/pdf", "buffer": files.pdf_bytes("Draft")}]
    )
    page.get_by_label("Note to the team").fill("First draft: sections 1 to 3.")
    screenshot("1-new-paper")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Your draft has been saved as version 1.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("The paper has been submitted for review.")).to_be_visible()
    expect(page.locator(".paper-state").first).to_have_text("Submitted")

    # A co-chair (the focal point of Mexico) comments on version 1 and asks for a revision.
    co_chair = _as(browser, browser_context_args, live_server, "focalpoint.mx@example.org")
    _open_paper(co_chair, live_server)
    co_chair.get_by_label("Comment on version 1").fill("Section 2 needs the 2009 figures.")
    co_chair.get_by_role("button", name="Add comment").click()
    expect(co_chair.get_by_text("Section 2 needs the 2009 figures.")).to_be_visible()
    co_chair.get_by_label("Message to the authors").fill("Please add the 2009 figures and shorten the introduction.")
    co_chair.get_by_role("button", name="Request a revision").click()
    expect(co_chair.get_by_text("A revision has been requested")).to_be_visible()
    expect(co_chair.locator(".paper-state").first).to_have_text("Revision requested")
    screenshot_page(co_chair, screenshot, "2-revision-requested")

    # The author uploads version 2 and submits it again.
    author = _as(browser, browser_context_args, live_server, "author@example.org")
    _open_paper(author, live_server)
    expect(author.locator(".timeline")).to_contain_text("Please add the 2009 figures and shorten the introduction.")
    author.get_by_label("New version").set_input_files(
        files=[{"name": "Draft 1.1 v2.docx", "mimeType": "application/octet-stream", "buffer": files.docx_bytes()}]
    )
    author.get_by_label("What changed").fill("Added the 2009 figures; introduction halved.")
    author.get_by_role("button", name="Upload", exact=True).click()
    expect(author.get_by_text("Version 2 has been uploaded.")).to_be_visible()
    expect(author.get_by_role("heading", name="Version 2", exact=True)).to_be_visible()
    expect(author.get_by_role("heading", name="Version 1", exact=True)).to_be_visible()
    author.get_by_role("button", name="Submit the revised paper").click()
    expect(author.locator(".paper-state").first).to_have_text("Submitted")
    screenshot_page(author, screenshot, "3-version-2")

    # The Chair's office accepts and publishes.
    chair = _as(browser, browser_context_args, live_server, "chair@example.org")
    chair.get_by_role("button", name="Papers").click()
    chair.get_by_role("link", name="Papers overview").click()
    expect(chair.get_by_role("heading", name="Papers overview")).to_be_visible()
    # Submitted today against the demo's 2010 deadline: flagged late, in the overview and to the reviewer.
    late = re.compile(r"^late by \d+ days$")
    expect(chair.locator("tr", has=chair.get_by_role("link", name=TITLE)).locator(".late-badge").first).to_have_text(
        late
    )
    screenshot_page(chair, screenshot, "4-overview")
    chair.get_by_role("link", name=TITLE).first.click()
    expect(chair.locator(".late-note")).to_contain_text("First submitted on")
    expect(chair.locator(".late-note")).to_contain_text("(due 1 October 2010, 18:00).")
    chair.get_by_role("button", name="Accept the paper").click()
    expect(chair.locator(".paper-state").first).to_have_text("Accepted")
    # Publishing asks first, naming what becomes public.
    chair.get_by_role("link", name="Publish in the library…").click()
    expect(chair.locator(".publish-what")).to_contain_text(f"‘{TITLE}’ (English, DOCX,")
    expect(chair.locator(".publish-what")).to_contain_text("version 2) will be public in the library at")
    screenshot_page(chair, screenshot, "5-publish-confirm")
    chair.set_viewport_size({"width": 390, "height": 844})
    screenshot_page(chair, screenshot, "5-publish-confirm-phone")
    chair.set_viewport_size({"width": 1280, "height": 900})
    chair.get_by_role("button", name="Publish in the library").click()
    expect(chair.locator(".paper-state").first).to_have_text("Published")
    screenshot_page(chair, screenshot, "5-published")

    # An anonymous visitor finds it through search and downloads it.
    visitor = browser.new_context(**browser_context_args).new_page()
    visitor.goto(live_server.url)
    visitor.get_by_role("link", name="Papers", exact=True).click()
    visitor.get_by_role("searchbox", name="Search titles and abstracts").fill("regular protected")
    visitor.get_by_role("button", name="Search").click()
    expect(visitor.get_by_role("status")).to_have_text("1 paper matches “regular protected”.")
    screenshot_page(visitor, screenshot, "6-search")
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name=re.compile("^English")).click()
    download = download_info.value
    assert download.suggested_filename == (
        "GFMD-2010-1.1-Partnerships-for-more-regular-and-protected-migration-what-works.docx"
    )
    with open(download.path(), "rb") as handle:
        assert handle.read() == files.docx_bytes()


def test_the_chairs_office_withdraws_a_paper_from_the_library_with_a_reason(
    demo, live_server, page, screenshot, browser, browser_context_args
):
    from papers.models import Paper

    paper = Paper.objects.get(session__code="2.1", kind="background")
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/papers/{paper.pk}/")
    page.locator("summary", has_text="Withdraw from the library").click()
    page.get_by_label("Why (shown on the paper's public page)").fill(
        "Replaced by the revised study the team circulated in October."
    )
    screenshot("unpublish-form")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Withdraw from the library").click()
    expect(page.get_by_text("The paper has been withdrawn from the library; its public page says why.")).to_be_visible()
    expect(page.locator(".paper-state").first).to_have_text("Withdrawn")

    visitor = browser.new_context(**browser_context_args).new_page()
    visitor.goto(f"{live_server.url}/papers/{paper.pk}/")
    today = f"{dt.date.today():%-d %B %Y}"
    expect(visitor.locator(".withdrawn-notice")).to_have_text(
        f"Withdrawn from the library on {today}: Replaced by the revised study the team circulated in October."
    )
    expect(visitor.locator(".download-list")).to_have_count(0)
    visitor.screenshot(
        path=str(_folder() / "test_the_chairs_office_withdraws_a_paper_from_the_library-public.png"), full_page=True
    )
    assert asked and asked[0].startswith("Withdraw this paper from the library?")
    # A link to the file kept from before (a bookmark, a mail) says it is gone, and why.
    response = visitor.goto(f"{live_server.url}/papers/versions/{paper.accepted_version_id}/download/")
    assert response.status == 410
    expect(visitor.get_by_role("heading", level=1)).to_have_text("This paper is no longer offered for download")
    expect(visitor.locator(".withdrawn-notice")).to_contain_text("Replaced by the revised study")
    visitor.screenshot(
        path=str(_folder() / "test_the_chairs_office_withdraws_a_paper_from_the_library-gone.png"), full_page=True
    )
    visitor.goto(f"{live_server.url}/papers/")
    expect(visitor.locator("main")).not_to_contain_text(paper.title_en)


def _folder():
    from django.conf import settings

    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot_page(page, screenshot, name):
    """The `screenshot` fixture shoots the test's own page; this shoots another person's."""
    from django.conf import settings

    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"test_a_paper_from_draft_to_the_public_library-{name}.png"), full_page=True)


def test_a_hostile_file_is_refused_next_to_the_field(demo, live_server, page, screenshot):
    sign_in(page, live_server, "author@example.org")
    page.goto(f"{live_server.url}/papers/mine/")
    screenshot("mine")
    page.get_by_role("link", name=re.compile("Open the papers")).click()
    screenshot("workspace")
    page.get_by_role("link", name="Upload the first draft").click()
    page.get_by_label("Title (English)").fill("A paper")
    page.get_by_label("File").set_input_files(
        files=[{"name": "paper.pdf", "mimeType": "application/pdf", "buffer": files.SVG_AS_PDF}]
    )
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("This file is not a PDF, Word (.docx) or OpenDocument")
    expect(page.get_by_label("Title (English)")).to_have_value("A paper")
    screenshot("refused")
    # A real PDF that runs a script on opening: refused with its reasons, then what to do.
    page.get_by_label("File").set_input_files(
        files=[
            {
                "name": "paper.pdf",
                "mimeType": "application/pdf",
                "buffer": files.pdf_bytes(extra=b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> "),
            }
        ]
    )
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".invalid-feedback p")).to_have_text(
        [
            "The PDF contains JavaScript.",
            "The PDF runs an action as soon as it is opened (OpenAction).",
            "Export or print it again as a plain PDF and upload it.",
        ]
    )
    screenshot("refused-active-content")


def test_the_library_and_a_published_paper(demo, live_server, page, screenshot):
    page.goto(f"{live_server.url}/papers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Background papers")
    expect(page.get_by_role("heading", name=re.compile("Labour mobility strategies"))).to_be_visible()
    screenshot("library")
    page.locator("main").get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_have_text("1 published paper.")
    page.get_by_role("link", name=re.compile("Labour mobility strategies")).click()
    expect(page.get_by_role("link", name=re.compile("Spanish"))).to_be_visible()
    screenshot("paper")
    # The paper names its meeting; the breadcrumb leads to that meeting's library, under its number.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Puerto Vallarta 2010").click()
    expect(page).to_have_url(re.compile(r"/meetings/4/papers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Background papers: .*Fourth Meeting"))
    screenshot("meeting-library")
    page.locator("main").get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"/meetings/4/papers/\?.*language=es"))
    expect(page.get_by_role("status")).to_have_text("1 published paper.")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="2010").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Fourth Meeting"))
