"""The Chair's office administers a delegation in the portal, never in the Django admin: creates
it, edits it, is refused an edit a colleague overtook, retires it."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def test_chair_office_creates_edits_is_refused_a_concurrent_edit_and_retires(
    demo, live_server, page, browser, screenshot
):
    from accounts.tests.factories import PASSWORD, ChairOfficeFactory
    from delegations.models import Delegation

    ChairOfficeFactory(email="colleague@example.org", first_name="Ana", last_name="Silva")

    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/delegations/")
    screenshot("list")
    page.get_by_role("link", name="New delegation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New delegation")

    # Mexico exists already: the refusal is next to the country, what was typed kept.
    page.get_by_label("Country").select_option(label="Mexico")
    page.get_by_role("button", name="Create the delegation").click()
    expect(page.locator("#id_country-errors")).to_have_text("Mexico already has a delegation: Mexico.")
    screenshot("create-refused")

    page.get_by_label("Country").select_option(label="Vatican City")
    page.get_by_label("Region").select_option(label="Europe")
    page.get_by_role("button", name="Create the delegation").click()
    expect(page.locator(".alert-success")).to_contain_text("The delegation Vatican City is created.")
    holy_see = Delegation.objects.get(country="VA")
    assert (holy_see.name, holy_see.region) == ("Vatican City", "europe")

    # Both open the edit form; the colleague saves first.
    page.get_by_label("Search").fill("vatican")
    page.get_by_role("button", name="Filter").click()
    row = page.locator("tbody tr", has_text="Vatican City")
    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Vatican City")

    other = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    colleague = other.new_page()
    sign_in(colleague, live_server, "colleague@example.org", PASSWORD)
    colleague.goto(f"{live_server.url}/delegations/{holy_see.pk}/edit/")
    colleague.get_by_label("Region").select_option(label="Africa")
    colleague.get_by_role("button", name="Save").click()
    expect(colleague.locator(".alert-success")).to_contain_text("The delegation Vatican City is saved.")
    other.close()

    page.get_by_label("Name").fill("Holy See")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#delegation-errors")).to_contain_text("Someone else saved this delegation")
    expect(page.locator("#id_region-errors")).to_have_text("Ana Silva changed this meanwhile; saved now: “Africa”.")
    expect(page.get_by_label("Name")).to_have_value("Holy See")  # what she typed is kept
    screenshot("concurrent-edit-refused")
    page.set_viewport_size(PHONE)
    screenshot("concurrent-edit-refused-phone")
    page.set_viewport_size(VIEWPORT)
    holy_see.refresh_from_db()
    assert (holy_see.name, holy_see.region) == ("Vatican City", "africa")

    # Saved again knowingly, keeping the colleague's region.
    page.get_by_label("Region").select_option(label="Africa")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("The delegation Holy See is saved.")

    # Retire, with confirmation; it leaves the active list and the registration form.
    page.goto(f"{live_server.url}/delegations/{holy_see.pk}/edit/")
    page.get_by_role("link", name="Retire…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retire Holy See?")
    screenshot("retire-confirm")
    page.get_by_role("button", name="Retire the delegation").click()
    expect(page.locator(".alert-warning")).to_contain_text("Retired on")
    expect(page.get_by_role("button", name="Reactivate")).to_be_visible()
    screenshot("retired")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/delegations/?status=retired")
    expect(page.locator("tbody tr", has_text="Holy See")).to_contain_text("Retired")
    screenshot("retired-list-phone")
    # Nothing wider than the phone: the table scrolls inside its card, the page does not.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    holy_see.refresh_from_db()
    assert holy_see.is_retired

    # The merge page names what would move before anything does (here: nothing is confirmed).
    page.set_viewport_size(VIEWPORT)
    page.goto(f"{live_server.url}/delegations/{holy_see.pk}/merge/")
    page.get_by_label("Merge into").select_option(label="Italy")
    page.get_by_role("button", name="Show what moves").click()
    expect(page.locator(".merge-moves")).to_contain_text("Registrations")
    expect(page.get_by_role("button", name="Merge Holy See into Italy")).to_be_visible()
    screenshot("merge-confirm")
    assert Delegation.objects.filter(pk=holy_see.pk).exists()
