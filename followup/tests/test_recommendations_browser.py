"""The rapporteur's journey in a real Chromium: marks a recommendation in Spanish with its addressees
and a theme beside the outcome's text; once the outcome is signed off and published, an anonymous reader
opens the recommendation's public page by its identifier, and finds it on the session's page."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from conftest import sign_in
from followup.demo.recommendations import load_recommendations_demo
from followup.models import Recommendation
from outcomes.models import Outcome
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save
from outcomes.tests.test_browser import demo_session, watch_console

pytestmark = pytest.mark.browser


@pytest.fixture
def themes(demo):
    """The themes migration 0002 adds: a browser test's database is flushed after each test
    (transactional_db), data migrations' rows with it, so they are added again."""
    from importlib import import_module

    from django.apps import apps

    import_module("followup.migrations.0002_themes").add_themes(apps, None)


TEXT = "Los gobiernos de origen y destino reconocen a las diásporas como socias del desarrollo."


def test_a_rapporteur_marks_a_recommendation_that_the_public_reads(demo, themes, live_server, page, screenshot):
    problems = watch_console(page)
    session = demo_session("1.1")
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(f"{live_server.url}/outcomes/session/{session.pk}/")
    page.get_by_label("Language you draft in").select_option("es")
    page.get_by_role("button", name="Start drafting").click()
    card = page.get_by_role("region", name="Marked recommendations")
    expect(card).to_contain_text("No recommendation is marked yet.")

    card.get_by_role("link", name="Add a recommendation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a recommendation")
    page.get_by_label("Text in Spanish (original)").fill(TEXT)
    page.get_by_label("Governments").check()
    page.get_by_label("Civil society").check()
    page.get_by_label("Diasporas and development").check()
    screenshot("form")
    page.get_by_role("button", name="Save the recommendation").click()

    card = page.get_by_role("region", name="Marked recommendations")
    expect(card).to_contain_text("GFMD-2010-1.1-R1")
    expect(card).to_contain_text(TEXT)
    expect(card).to_contain_text("Governments, Civil society")
    expect(card).to_contain_text("Not yet in: English, French")
    card.scroll_into_view_if_needed()
    screenshot("workspace")

    # The sign-off steps, through the services: the rapporteur writes and submits, the Chair's office
    # approves in the co-chairs' place and publishes.
    rapporteur = User.objects.get(email="rapporteur@example.org")
    chair = User.objects.get(email="chair@example.org")
    outcome = Outcome.objects.get(session=session)
    summary = outcome.original_sections.get(kind="summary")
    section_save(section=summary, actor=rapporteur, html="<p>Las diásporas.</p>", base_revision_id=None)
    outcome = outcome_submit(outcome=outcome, actor=rapporteur)
    outcome = outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    assert Recommendation.objects.get(outcome=outcome).is_published

    page.context.clear_cookies()  # an anonymous reader
    page.goto(f"{live_server.url}/recommendations/GFMD-2010-1.1-R1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("GFMD-2010-1.1-R1")
    main = page.get_by_role("main")
    expect(main).to_contain_text(TEXT)
    expect(main).to_contain_text("Not translated yet: shown in the language it was adopted in (Spanish).")
    expect(main).to_contain_text("Diasporas and development")
    expect(main).to_contain_text(session.meeting.title)
    screenshot("public")

    page.get_by_role("link", name=session.title).click()
    recommendations = page.get_by_role("region", name="Recommendations of the session")
    expect(recommendations).to_contain_text("GFMD-2010-1.1-R1")
    recommendations.scroll_into_view_if_needed()
    screenshot("session")
    assert problems == []


def test_the_athens_recommendation_on_migration_profiles_is_public(demo, themes, live_server, page, screenshot):
    assert load_recommendations_demo() == load_recommendations_demo() == 4  # loading twice changes nothing
    problems = watch_console(page)
    page.goto(f"{live_server.url}/recommendations/GFMD-2009-3.1-R1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("GFMD-2009-3.1-R1")
    main = page.get_by_role("main")
    expect(main).to_contain_text("take stock of and further develop Migration Profiles")
    expect(main).to_contain_text("Migration data, research and Migration Profiles")
    expect(main).to_contain_text("Third Meeting of the Global Forum on Migration and Development")
    screenshot("athens")
    assert problems == []
