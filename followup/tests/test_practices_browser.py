"""The Platform for Partnerships' journey in a real Chromium, on the demo: a civil-society participant
submits a practice with a partner and a theme; Mexico's Chair's office links it to session 2.2 and
publishes it; an anonymous visitor finds it by searching "diaspora" and filtering by region."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from followup.demo.practices import load_practices_demo
from followup.models import Practice
from outcomes.tests.test_browser import watch_console

pytestmark = pytest.mark.browser
pytest_plugins = ["followup.tests.fixtures_practices"]

TITLE = "Diaspora youth mentoring for returnees in Senegal"


def test_civil_society_practice_is_submitted_published_and_found_by_search_and_region(
    themes, demo, live_server, page, screenshot
):
    load_practices_demo()  # other practices in the repository, so the search has something to tell apart
    problems = watch_console(page)

    # A civil-society participant (Migrant Forum in Asia, registration pending) submits a practice.
    sign_in(page, live_server, "mfa@example.org")
    page.goto(f"{live_server.url}/practices/")
    page.get_by_role("link", name="Submit a practice").click()
    expect(page.get_by_role("heading", name="Submit a practice", level=1)).to_be_visible()
    expect(page.get_by_label("Civil-society organisation")).to_be_checked()
    expect(page.locator("#id_organisation")).to_have_value("Migrant Forum in Asia")
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Summary (English)").fill(
        "Members of the Senegalese diaspora in Europe mentor young returnees who start a business at home."
    )
    page.get_by_label("Results (English)").fill("85 young people mentored; 40 businesses still open after a year.")
    page.locator("summary", has_text="Africa").click()
    page.get_by_label("Senegal", exact=True).check()
    page.get_by_label("Started on").fill("2009-03-01")
    page.get_by_label("Ended on").fill("2008-03-01")  # before the start: refused next to the field
    page.get_by_label("Diasporas and development").check()
    page.locator("#id_partners-0-name").fill("Association des Sénégalais de l'extérieur")
    page.locator("#id_partners-0-kind").select_option("civil_society")
    page.get_by_label("Link 1").fill("javascript:alert(1)")
    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_text("The practice cannot end before it started: check the two dates.").first).to_be_visible()
    expect(page.locator("#id_link_1").locator("xpath=..")).to_contain_text("Give a web address starting with http://")
    expect(page.get_by_label("Title (English)")).to_have_value(TITLE)  # nothing typed is lost
    expect(page.get_by_label("Senegal", exact=True)).to_be_checked()
    screenshot("refused")
    page.get_by_label("Ended on").fill("2010-10-31")
    page.get_by_label("Link 1").fill("https://www.example.org/youth-mentoring")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Thank you: your practice is submitted.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("Submitted for review")
    screenshot("mine")
    page.context.clear_cookies()

    # Mexico's Chair's office links it to session 2.2 and publishes it.
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/practices/review/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label(re.compile(r"2010 · 2\.2 ")).check()
    screenshot("review")
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("The practice is published.")).to_be_visible()
    page.context.clear_cookies()
    practice = Practice.objects.get(title_en=TITLE)
    assert practice.state == Practice.State.PUBLISHED
    assert [s.code for s in practice.sessions.all()] == ["2.2"]

    # An anonymous visitor finds it by searching "diaspora" and filtering by region.
    page.goto(f"{live_server.url}/practices/")
    screenshot("repository")
    page.get_by_role("searchbox", name="Search the practices").fill("diaspora")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("practices match “diaspora”")
    page.get_by_label("Region").select_option(label="Africa")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"2 practices match “diaspora”"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(
        page.get_by_role("link", name="Savings and investment circles for migrant women and their families")
    ).to_have_count(0)
    screenshot("found")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"2\.2 Migration, gender and family"))).to_be_visible()
    expect(page.get_by_role("link", name="https://www.example.org/youth-mentoring")).to_have_attribute(
        "rel", "nofollow noopener noreferrer"
    )
    screenshot("practice")
    # The refused form answers 400 on purpose (the browser logs it); anything else is a problem.
    assert [problem for problem in problems if "status of 400 (Bad Request)" not in problem] == []
