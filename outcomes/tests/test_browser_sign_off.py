"""The co-chairs' sign-off in a real Chromium, on the demo: Spain's representative signs off for Spain,
the outcome shows who signed for which government; once she withdraws, her sign-off shows as no
longer valid and the button is gone; the Chair's office sees whom each representative speaks for."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from conftest import sign_in
from delegations.services import registration_withdraw
from outcomes.models import Outcome
from outcomes.services import outcome_start, outcome_submit, section_save
from outcomes.tests.test_browser import demo_session, watch_console

pytestmark = pytest.mark.browser


def _submitted_outcome_of_1_1() -> Outcome:
    rapporteur = User.objects.get(email="rapporteur@example.org")
    outcome = outcome_start(session=demo_session("1.1"), actor=rapporteur)
    section = outcome.original_sections.get(kind="summary")
    section_save(
        section=section,
        actor=rapporteur,
        html="<p>Governments agreed that bilateral labour agreements work best when they cover recruitment.</p>",
        base_revision_id=None,
    )
    return outcome_submit(outcome=outcome, actor=rapporteur)


def test_representative_signs_off_for_her_government_and_a_withdrawal_voids_it(demo, live_server, page, screenshot):
    problems = watch_console(page)
    _submitted_outcome_of_1_1()

    sign_in(page, live_server, "cochair.es@example.org")
    page.get_by_role("link", name="My outcomes").click()
    page.get_by_role("link", name="Open the outcome of session 1.1").click()
    expect(page.get_by_role("button", name="Approve for Spain")).to_be_visible()
    page.get_by_role("button", name="Approve for Spain").click()
    expect(page.get_by_text("Your approval is recorded.")).to_be_visible()
    signoffs = page.locator(".signoff-list li")
    expect(signoffs).to_have_count(2)
    expect(signoffs.nth(0)).to_contain_text("Mexico")
    expect(signoffs.nth(0)).to_contain_text("Not yet approved")
    expect(signoffs.nth(1)).to_contain_text("Spain")
    expect(signoffs.nth(1)).to_contain_text("Approved by Ms Elena Navarro")
    expect(page.get_by_text("1 of 2 co-chair governments have approved.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve for Spain")).to_have_count(0)
    expect(page.locator("[data-sign-off-hint]")).to_have_text("Spain has signed off: nothing more is needed from you.")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("signed")

    elena = User.objects.get(email="cochair.es@example.org")
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    page.reload()
    expect(signoffs.nth(1)).to_contain_text("No longer valid: registration withdrawn. A new sign-off is needed.")
    expect(page.get_by_text("0 of 2 co-chair governments have approved.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve for Spain")).to_have_count(0)
    expect(page.locator("[data-sign-off-hint]")).to_have_text(
        "You can sign off for Spain only with an approved registration with it for this meeting."
    )
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("void")
    assert Outcome.objects.get(session__code="1.1").state == Outcome.State.SUBMITTED
    assert problems == []


def test_chair_sees_whom_each_representative_speaks_for(demo, live_server, page, screenshot):
    problems = watch_console(page)
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/sessions/{demo_session('1.2').pk}/team/")
    people = page.locator("#people")
    expect(people).to_contain_text("For Morocco")
    expect(people).to_contain_text("For United States of America")
    expect(page.get_by_label("For the co-chair government")).to_be_visible()
    screenshot("team")
    assert problems == []


def test_public_page_shows_the_demo_outcome_and_its_co_chairs(demo, live_server, page, screenshot):
    problems = watch_console(page)
    session = demo_session("2.2")
    page.goto(f"{live_server.url}/meetings/{session.meeting.number}/sessions/{session.pk}/")
    outcome = page.get_by_role("region", name="Outcome of the session")
    expect(outcome).to_contain_text("Approved by the co-chairs: Ecuador, Greece")
    outcome.scroll_into_view_if_needed()
    screenshot("public")
    assert problems == []
