"""An anonymous visitor browses the public archive: from /meetings/ to Athens 2009, its outcome's
recommendations, then the 2010 programme that builds on them."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ATHENS = "Third Meeting of the Global Forum on Migration and Development"
MEXICO = "Fourth Meeting of the Global Forum on Migration and Development"


def test_visitor_reads_athens_2009_then_the_2010_programme(demo, live_server, page, screenshot):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings of the Forum")
    titles = page.locator(".meeting-archive h2")
    expect(titles).to_have_text(
        [
            MEXICO,
            ATHENS,
            "Second Meeting of the Global Forum on Migration and Development",
            "First Meeting of the Global Forum on Migration and Development",
        ]
    )
    screenshot("archive-desktop")

    page.get_by_role("link", name=ATHENS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ATHENS)
    expect(page.locator(".hero")).to_contain_text(
        "Integrating Migration Policies into Development Strategies for the Benefit of All"
    )
    expect(page.locator(".hero")).to_contain_text("2 November 2009 – 5 November 2009")
    expect(page.locator(".hero")).to_contain_text("The Government of Greece")
    screenshot("athens-desktop")

    expect(page.get_by_role("heading", name="Roundtables")).to_be_visible()
    outcomes = page.get_by_role("region", name="Outcomes of the sessions")
    outcomes.get_by_role("link", name="Assessing the impact of migration on development").click()
    outcome = page.locator(".outcome-public")
    expect(outcome.get_by_role("heading", name="Recommendations")).to_be_visible()
    expect(outcome).to_contain_text("governments prepare and keep up to date Migration Profiles")
    expect(outcome.get_by_role("heading", name="Proposed follow-up")).to_be_visible()
    expect(outcome).to_contain_text("the next meeting again reviews the activities and progress of regional")
    expect(outcome).to_contain_text("Illustrative demo text, not the Forum's record.")
    screenshot("athens-outcome-desktop")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Meetings").click()
    page.get_by_role("link", name=MEXICO).click()
    page.get_by_role("link", name="The programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")
    expect(page.locator("main")).to_contain_text("How can RCPs and Inter-regional fora best include")
    screenshot("programme-2010-desktop")

    # A phone: the navigation folds into the menu; the archive and a meeting's page still read well.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Show navigation").click()
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings of the Forum")
    screenshot("archive-390")
    page.get_by_role("link", name=ATHENS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ATHENS)
    screenshot("athens-390")
