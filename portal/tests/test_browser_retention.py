import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import sign_in
from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from roundtables.models import Meeting

pytestmark = pytest.mark.browser


def test_the_chair_office_anonymises_a_closed_meeting_after_confirming(demo, live_server, page, screenshot):
    athens = Meeting.objects.get(number=3)
    athens.closed_at = timezone.now() - dt.timedelta(days=6 * 365)
    athens.save(update_fields=["closed_at"])
    registration = RegistrationFactory(
        meeting=athens, delegation=DelegationFactory(country="GR"), dietary_needs="Vegetarian"
    )
    sign_in(page, live_server, "support@example.org")  # the operators anonymise an old meeting

    page.goto(f"{live_server.url}/chair/meetings/4/details/")
    page.get_by_role("link", name="Personal data retention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anonymise the participants' personal data")
    expect(page.get_by_role("status")).to_contain_text("is not closed")
    expect(page.get_by_role("button", name="Anonymise the personal data")).to_have_count(0)

    page.goto(f"{live_server.url}/chair/meetings/3/details/")
    page.get_by_role("link", name="Personal data retention").click()
    expect(page.get_by_role("region", name="What will be erased")).to_contain_text("1 registration:")
    page.get_by_label("The meeting's number").fill("4")
    page.get_by_role("button", name="Anonymise the personal data").click()
    expect(page.get_by_role("alert")).to_contain_text("Type 3, the number of")
    screenshot("confirm")
    page.get_by_label("The meeting's number").fill("3")
    page.get_by_role("button", name="Anonymise the personal data").click()
    expect(page.get_by_text("has been anonymised.")).to_be_visible()
    expect(page.get_by_role("region", name="What was erased")).to_contain_text("1 registration:")
    expect(page.get_by_role("button", name="Anonymise the personal data")).to_have_count(0)
    screenshot("done")
    registration.refresh_from_db()
    assert (registration.dietary_needs, registration.status) == ("", Registration.Status.PENDING)
