"""A French reader reads the states' names in French; organisations keep their own names."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from delegations.tests.test_browser import PASSWORD, make_account

pytestmark = pytest.mark.browser


def test_a_french_reader_reads_the_states_in_french(demo, live_server, page, screenshot):
    from delegations.models import Registration

    Registration.objects.filter(person__email__in=["focalpoint.mx@example.org", "rapporteur@example.org"]).update(
        public_list_consent=True
    )
    person = make_account("amina@example.org", "Amina", "Diallo")
    person.preferred_language = "fr"
    person.save()
    sign_in(page, live_server, "amina@example.org", PASSWORD)

    page.goto(f"{live_server.url}/delegations/participants/")
    expect(page.get_by_role("heading", name="Mexique")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Mexico")
    screenshot("participants-fr")

    page.goto(f"{live_server.url}/delegations/register/")
    page.get_by_role("textbox", name="Délégation").fill("mexiq")
    matches = page.get_by_role("group", name="Délégations correspondantes")
    expect(matches.get_by_role("radio")).to_have_count(1)
    matches.get_by_role("radio", name="Mexique").check()
    expect(page.get_by_role("textbox", name="Délégation")).to_have_value("Mexique")
    expect(page.locator("#delegation-matches")).not_to_contain_text("Mexico")
    # An organisation keeps its own name.
    page.get_by_role("textbox", name="Délégation").fill("Migrant Forum")
    expect(matches.get_by_role("radio", name="Migrant Forum in Asia")).to_have_count(1)
    screenshot("register-fr")
