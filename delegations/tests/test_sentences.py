"""No sentence around an empty value, and plural forms through ngettext."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import InvitationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

MINE = reverse("delegations:my_registration")
DECIDED_AT = dt.datetime(2010, 10, 12, 9, 45, tzinfo=ZoneInfo("America/Mexico_City"))


def status_sentence(client) -> str:
    page = client.get(MINE).content.decode()
    panel = re.search(r'<section class="card status-panel.*?</section>', page, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", panel)).strip()


@pytest.fixture
def sofia(open_meeting, mexico):
    return UserFactory(first_name="Sofía", last_name="Castillo", honorific="ms")


@pytest.mark.parametrize(
    ("decided_at", "by_focal_point", "expected"),
    [
        (DECIDED_AT, True, "Approved by Mr Javier Herrera on 12 October 2010. We look forward to welcoming you."),
        (DECIDED_AT, False, "Approved on 12 October 2010. We look forward to welcoming you."),
        (None, True, "Approved by Mr Javier Herrera. We look forward to welcoming you."),
        (None, False, "Approved. We look forward to welcoming you."),
    ],
)
def test_approved_registration_page_says_only_what_is_known(
    client, open_meeting, mexico, focal_point_mexico, sofia, decided_at, by_focal_point, expected
):
    focal_point_mexico.honorific = "mr"
    focal_point_mexico.save()
    RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        person=sofia,
        status="approved",
        decided_at=decided_at,
        decided_by=focal_point_mexico if by_focal_point else None,
    )
    client.force_login(sofia)
    assert status_sentence(client) == f"Status Approved {expected}"


def test_rejected_and_withdrawn_without_a_date_leave_no_hole(client, open_meeting, mexico, sofia):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, person=sofia, status="rejected")
    client.force_login(sofia)
    assert status_sentence(client) == "Status Rejected Not approved. Reason: Not eligible"
    Registration.objects.filter(pk=registration.pk).update(status="withdrawn", decision_reason="")
    assert status_sentence(client) == "Status Withdrawn Withdrawn."


def test_registration_detail_names_no_decider_when_there_is_none(
    client, open_meeting, mexico, focal_point_mexico, sofia
):
    open_meeting.time_zone = "America/Mexico_City"
    open_meeting.save()
    registration = RegistrationFactory(
        meeting=open_meeting, delegation=mexico, person=sofia, status="approved", decided_at=DECIDED_AT
    )
    client.force_login(focal_point_mexico)
    page = client.get(reverse("delegations:registration", kwargs={"pk": registration.pk})).content.decode()
    assert '<dd class="col-sm-8">Approved, 12 October 2010, 09:45' in page
    assert " by —" not in page


def test_invitation_of_a_deleted_focal_point_reads_as_a_whole_sentence(client, open_meeting, mexico):
    token = "an-invitation-token-of-a-deleted-focal-point"
    InvitationFactory(meeting=open_meeting, delegation=mexico, invited_by=None, email="ana@example.org", token=token)
    page = client.get(reverse("delegations:invitation", kwargs={"token": token})).content.decode()
    assert (
        "<p>You are invited to register as Delegate. The invitation is for ana@example.org: sign in, "
        "or create an account, with that address.</p>"
    ) in page


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 registration approved; the participant is notified."),
        (3, "3 registrations approved; each participant is notified."),
    ],
)
def test_bulk_approve_message_uses_the_plural_form(client, open_meeting, mexico, focal_point_mexico, count, expected):
    pending = RegistrationFactory.create_batch(count, meeting=open_meeting, delegation=mexico)
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("delegations:bulk_approve", kwargs={"pk": mexico.pk}), {"registrations": [r.pk for r in pending]}
    )
    assert [str(message) for message in get_messages(response.wsgi_request)] == [expected]


def test_demo_decisions_all_have_a_decider_and_a_date_before_the_meeting():
    call_command("load_demo", quiet_accounts=True)
    decided = Registration.objects.exclude(status="pending").select_related("meeting")
    assert decided.count() >= 4
    opening = dt.datetime(2010, 11, 8, tzinfo=ZoneInfo("America/Mexico_City"))
    assert [r.person.email for r in decided if r.decided_by is None or r.decided_at is None] == []
    assert [
        r.person.email for r in decided if not dt.datetime(2010, 1, 1, tzinfo=dt.UTC) < r.decided_at < opening
    ] == []
    sofia = Registration.objects.get(person__email="delegate.mx@example.org")
    assert (sofia.decided_by.email, sofia.decided_at) == ("focalpoint.mx@example.org", DECIDED_AT)
