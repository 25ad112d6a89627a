"""The Chair's office creates an API token for the registrations export, sees it once, then a
researcher reads the API's documentation page (Swagger UI from static, under the CSP)."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from roundtables.models import Meeting

pytestmark = pytest.mark.browser


def test_chair_office_creates_a_token_and_the_docs_render(demo, live_server, page, screenshot):
    number = Meeting.objects.current().number
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/{number}/api-tokens/")
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens")
    page.get_by_role("button", name="Create the token").click()
    expect(page.get_by_text("This field is required.", exact=True)).to_be_visible()
    page.get_by_label("What is the token for?").fill("GFMD website: registrations import")
    page.get_by_role("button", name="Create the token").click()
    token = page.get_by_label("The token", exact=True).input_value()
    assert token.startswith("gfmd_")
    expect(page.get_by_text("Copy it now: it is shown only this once.")).to_be_visible()
    screenshot("token-created")

    page.goto(f"{live_server.url}/chair/meetings/{number}/api-tokens/")
    expect(page.get_by_role("row", name="GFMD website")).to_be_visible()
    assert token not in page.content()

    answer = page.request.get(
        f"{live_server.url}/api/v1/meetings/{number}/exports/registrations.csv",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status == 200 and answer.text().lstrip("\ufeff").startswith("Delegation,")

    page.get_by_role("link", name="Revoke GFMD website").click()
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.get_by_text("is revoked")).to_be_visible()
    refused = page.request.get(
        f"{live_server.url}/api/v1/meetings/{number}/exports/registrations.csv",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.status == 401

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data: the portal's API")
    expect(page.locator("#swagger-ui").get_by_text("/api/v1/meetings/{number}/programme/")).to_be_visible()
    # The operations are rendered (axe judges them after the test): no link nested in a toggle button.
    expect(page.locator(".opblock-summary-control").first).to_be_visible()
    assert page.locator(".opblock-summary-control a[href], .opblock-summary-control button").count() == 0
    screenshot("api-docs")
