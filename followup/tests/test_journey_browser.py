"""Issue 18's journey on the demo, in a real Chromium: Athens 2009's recommendation on Migration Profiles
is in the archive; Mexico's Chair's office links session 3.1 to it; Mexico's focal point reports progress
on it; the public tracker shows it "in progress" with the report. (The practice's half of the journey,
submitted by a civil-society organisation, published with session 2.2 and found by searching "diaspora"
and filtering by region, is test_practices_browser.py, on the same demo.)"""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from followup.models import FollowUpReport, Recommendation, SessionRecommendation, StatusChange
from roundtables.models import Session

pytestmark = pytest.mark.browser

ATHENS_R1 = "GFMD-2009-3.1-R1"


def _before_the_journey() -> Recommendation:
    """The demo has already played the journey (3.1 linked, Ghana's and Mexico's reports): take it back
    to where it starts, a recommendation nobody has acted on yet."""
    recommendation = Recommendation.objects.get(
        outcome__session__meeting__number=3, outcome__session__code="3.1", number=1
    )
    SessionRecommendation.objects.filter(recommendation=recommendation).delete()
    StatusChange.objects.filter(recommendation=recommendation).delete()
    FollowUpReport.objects.filter(recommendation=recommendation).delete()
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.PROPOSED, status_changed_at=None
    )
    return recommendation


def test_athens_recommendation_is_linked_reported_on_and_tracked(demo, live_server, page, screenshot):
    _before_the_journey()
    athens_31 = Session.objects.get(meeting__number=3, code="3.1")
    mexico_31 = Session.objects.get(meeting__number=4, code="3.1")

    # In the archive: Athens' session 3.1 lists its recommendations, each with its own page.
    page.goto(f"{live_server.url}/meetings/3/sessions/{athens_31.pk}/")
    recommendations = page.locator("section.session-recommendations")
    expect(recommendations.get_by_role("heading", name="Recommendations of the session")).to_be_visible()
    recommendations.get_by_role("link", name=ATHENS_R1).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(ATHENS_R1)
    expect(page.locator("main")).to_contain_text("Migration Profiles")
    expect(page.locator("main")).to_contain_text("Third Meeting of the Global Forum on Migration and Development")
    screenshot("archive-recommendation")

    # Mexico's Chair's office links 2010's session 3.1 to it.
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/4/sessions/{mexico_31.pk}/builds-on/")
    page.get_by_label("Find a published recommendation of an earlier meeting").fill(ATHENS_R1)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("radio", name=ATHENS_R1).check()
    page.get_by_role("button", name="Link session 3.1 to this recommendation").click()
    expect(page.locator(".messages .alert-success")).to_have_text(f"Session 3.1 now builds on {ATHENS_R1}.")
    page.context.clear_cookies()

    # Mexico's focal point reports progress on it.
    sign_in(page, live_server, "focalpoint.mx@example.org")
    page.goto(f"{live_server.url}/recommendations/{ATHENS_R1}/")
    page.get_by_role("link", name="File a follow-up report").click()
    page.get_by_label("In progress").check()
    page.get_by_label("What has been done").fill(
        "México actualiza su Perfil Migratorio con el INEGI y la OIM; la edición 2010 añade las remesas."
    )
    page.get_by_label("Written in").select_option("es")
    page.get_by_role("button", name="File the report").click()
    expect(page.get_by_text("Your follow-up report for Mexico is filed and public.")).to_be_visible()
    page.context.clear_cookies()

    # Anyone: the tracker shows it in progress, with the report; Mexico's session 3.1 names what it builds on.
    page.goto(f"{live_server.url}/tracker/3/")
    item = page.locator("article.tracker-item", has_text=ATHENS_R1)
    expect(item.locator(".tracker-status")).to_have_text("In progress")
    expect(item).to_contain_text("Mexico")
    screenshot("tracker")
    item.get_by_role("link", name=ATHENS_R1).click()
    expect(page.locator("article.followup-report")).to_contain_text("la edición 2010 añade las remesas")
    screenshot("recommendation-with-report")
    page.goto(f"{live_server.url}/meetings/4/sessions/{mexico_31.pk}/")
    expect(page.get_by_role("link", name=ATHENS_R1)).to_be_visible()
    screenshot("mexico-session-builds-on")
