"""The participants pages, as the public, a delegate, a focal point and the Chair's office see them, hold
WCAG 2.1 AA: no serious or critical axe-core violation (colour contrast first of all)."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def listed(demo):
    from delegations.models import Registration

    Registration.objects.filter(person__email__in=["focalpoint.mx@example.org", "rapporteur@example.org"]).update(
        public_list_consent=True
    )


def visit(page, url, heading, screenshot, audit, name):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    screenshot(name)
    return audit(page)


def test_public_list_of_participants_has_no_serious_violation(listed, live_server, page, screenshot, audit):
    url = f"{live_server.url}/delegations/participants/"

    assert visit(page, url, "List of participants", screenshot, audit, "public") == []


def test_delegate_pages_have_no_serious_violation(listed, live_server, page, screenshot, audit):
    sign_in(page, live_server, "delegate.mx@example.org")
    participants = f"{live_server.url}/delegations/participants/"

    assert visit(page, participants, "List of participants", screenshot, audit, "participants") == []
    assert visit(page, f"{live_server.url}/delegations/me/", "My registration", screenshot, audit, "mine") == []


def test_focal_point_pages_have_no_serious_violation(listed, live_server, page, screenshot, audit):
    from delegations.models import Delegation

    mexico = Delegation.objects.get(name="Mexico")
    sign_in(page, live_server, "focalpoint.mx@example.org")

    detail = f"{live_server.url}/delegations/{mexico.pk}/"
    assert visit(page, detail, "Delegation of Mexico", screenshot, audit, "delegation") == []
    registrations = f"{live_server.url}/delegations/registrations/"
    assert visit(page, registrations, "Registrations", screenshot, audit, "registrations") == []


def test_chair_office_participants_pages_have_no_serious_violation(listed, live_server, page, screenshot, audit):
    from delegations.models import Delegation, Registration

    mexico = Delegation.objects.get(name="Mexico")
    castillo = Registration.objects.get(person__email="delegate.mx@example.org")
    sign_in(page, live_server, "chair@example.org")

    participants = f"{live_server.url}/delegations/participants/"
    assert visit(page, participants, "List of participants", screenshot, audit, "participants") == []
    registrations = f"{live_server.url}/delegations/registrations/"
    assert visit(page, registrations, "Registrations", screenshot, audit, "registrations") == []
    filtered = f"{registrations}?status=pending&kind=state"
    assert visit(page, filtered, "Registrations", screenshot, audit, "registrations-pending") == []
    one = f"{live_server.url}/delegations/registrations/{castillo.pk}/"
    assert visit(page, one, "Ms Sofía Castillo", screenshot, audit, "registration") == []
    detail = f"{live_server.url}/delegations/{mexico.pk}/"
    assert visit(page, detail, "Delegation of Mexico", screenshot, audit, "delegation") == []
    everyone = f"{live_server.url}/delegations/"
    assert visit(page, everyone, "Delegations", screenshot, audit, "delegations") == []
