"""The Chair's office links a 2010 session to the Athens recommendation it builds on; an anonymous visitor
opens the tracker, filters by theme and finds it with its status."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from followup.models import Recommendation, SessionRecommendation
from roundtables.models import Session

pytestmark = pytest.mark.browser


def _athens_recommendation() -> Recommendation:
    """Athens 2009's R1 of session 3.1, as the demo publishes it (in progress, filed under migration data),
    without the link to 2010's 3.1 the demo makes: this journey makes it."""
    recommendation = Recommendation.objects.get(
        outcome__session__meeting__number=3, outcome__session__code="3.1", number=1
    )
    SessionRecommendation.objects.filter(recommendation=recommendation).delete()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS
    assert recommendation.themes.filter(slug="migration-data").exists()
    return recommendation


def test_the_chair_links_a_session_and_the_public_tracks_the_recommendation(demo, live_server, page, screenshot):
    recommendation = _athens_recommendation()
    session = Session.objects.get(meeting__number=4, code="3.1")

    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/sessions/{session.pk}/edit/")
    page.get_by_role("link", name="Builds on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What session 3.1 builds on")
    expect(page.get_by_text("This session does not build on any recommendation yet.")).to_be_visible()
    page.get_by_label("Find a published recommendation of an earlier meeting").fill("Migration Profiles")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("radio", name="GFMD-2009-3.1-R1").check()
    screenshot("chosen")
    page.get_by_role("button", name="Link session 3.1 to this recommendation").click()
    expect(page.locator(".messages .alert-success")).to_have_text("Session 3.1 now builds on GFMD-2009-3.1-R1.")
    expect(page.get_by_role("link", name="GFMD-2009-3.1-R1")).to_be_visible()
    screenshot("linked")
    assert recommendation.session_links.filter(session=session).exists()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/tracker/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendations and follow-up")
    page.get_by_label("Theme", exact=True).select_option(label="Migration data, research and Migration Profiles")
    page.get_by_role("button", name="Apply").click()
    item = page.locator("article.tracker-item", has_text="GFMD-2009-3.1-R1")
    expect(item).to_be_visible()
    expect(item.locator(".tracker-status")).to_have_text("In progress")
    expect(page.locator(".tracker-counts tfoot")).to_contain_text("1")
    screenshot("tracker-filtered")

    # The meeting's own tracker, from the filter: it names the meeting.
    athens = "Third Meeting of the Global Forum on Migration and Development"
    page.get_by_label("Meeting", exact=True).select_option(label=athens)
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(f"{live_server.url}/tracker/3/?theme=migration-data")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Third Meeting of the Global Forum")
    screenshot("athens-tracker")
