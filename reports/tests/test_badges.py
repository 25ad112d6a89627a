"""Badge verification: a badge admits its bearer only while the registration is approved and only
if it is the registration's current badge; every other answer is the same page, naming nobody."""

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.services import registration_approve, registration_create, registration_reject, registration_withdraw
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from reports.badges import badge_from_token, badge_token, valid_badge_registration, verification_url
from reports.documents.badges import badge_registrations, badges_of

pytestmark = pytest.mark.django_db

NOT_VALID = "This badge does not admit its bearer. Send them to the registration desk."


@pytest.fixture
def open_meeting(meeting):
    meeting.status = "open"
    meeting.save()
    return meeting


@pytest.fixture
def sofia(open_meeting):
    return RegistrationFactory(
        meeting=open_meeting,
        person=UserFactory(first_name="Sofía", last_name="Castillo"),
        delegation=DelegationFactory(country="MX", name="Mexico"),
        status="pending",
    )


def verify(client, token: str):
    return client.get(reverse("reports:badge_verify", kwargs={"token": token}))


def verdict(response) -> str:
    """The page's verdict card, without what changes at every request (the CSP nonce elsewhere)."""
    return re.search(r'<article class="badge-check.*?</article>', response.content.decode(), re.S).group(0)


def words(html: str) -> str:
    """The text a person reads, tags and line breaks left out."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_approval_issues_a_new_badge_serial(sofia, chair):
    assert sofia.badge_serial == 0
    registration_approve(registration=sofia, actor=chair)
    sofia.refresh_from_db()
    assert (sofia.status, sofia.badge_serial) == ("approved", 1)
    registration_reject(registration=sofia, actor=chair, reason="Duplicate")
    registration_approve(registration=sofia, actor=chair)
    sofia.refresh_from_db()
    assert (sofia.status, sofia.badge_serial) == ("approved", 2)


def test_a_refused_approval_keeps_the_serial(sofia, chair):
    from django.core.exceptions import ValidationError

    registration_approve(registration=sofia, actor=chair)
    with pytest.raises(ValidationError):
        registration_approve(registration=sofia, actor=chair)
    sofia.refresh_from_db()
    assert sofia.badge_serial == 1


def test_valid_badge_shows_what_the_door_needs(client, sofia, chair):
    registration_approve(registration=sofia, actor=chair)
    response = verify(client, badge_token(sofia.pk, 1))
    card = verdict(response)
    assert (response.status_code, response.context["valid"], response.context["registration"]) == (200, True, sofia)
    assert words(card) == f"Badge verification Valid Sofía Castillo Mexico Role Delegate Meeting {sofia.meeting.title}"
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_badges_printed_before_serials_existed_still_verify(client, open_meeting):
    approved = RegistrationFactory(meeting=open_meeting, status="approved")
    assert badge_token(approved.pk) == badge_token(approved.pk, 0)
    assert "." not in badge_token(approved.pk).split("-")[0]
    assert verify(client, badge_token(approved.pk)).status_code == 200


def test_old_badge_is_not_valid_after_withdrawal_and_new_registration(client, sofia, chair):
    registration_approve(registration=sofia, actor=chair)
    old_token = badge_token(sofia.pk, 1)
    assert verify(client, old_token).status_code == 200

    registration_withdraw(registration=sofia, actor=sofia.person)
    withdrawn = verify(client, old_token)
    registration_create(
        person=sofia.person, meeting=sofia.meeting, delegation=sofia.delegation, role="delegate", sessions=[]
    )
    pending = verify(client, old_token)
    registration_approve(registration=sofia, actor=chair)
    sofia.refresh_from_db()

    reapproved = verify(client, old_token)
    assert [r.status_code for r in (withdrawn, pending, reapproved)] == [404, 404, 404]
    assert sofia.badge_serial == 2
    new = verify(client, badge_token(sofia.pk, 2))
    assert (new.status_code, new.context["registration"]) == (200, sofia)


@pytest.mark.parametrize("status", ["pending", "rejected", "withdrawn"])
def test_a_person_not_admitted_is_not_named(client, open_meeting, status):
    registration = RegistrationFactory(
        meeting=open_meeting,
        person=UserFactory(first_name="Kwame", last_name="Mensah"),
        delegation=DelegationFactory(country="GH", name="Ghana"),
        status=status,
        decision_reason="Not eligible: passport expired" if status == "rejected" else "",
    )
    response = verify(client, badge_token(registration.pk, registration.badge_serial))
    page = response.content.decode()
    assert (response.status_code, response.context["valid"], response.context["registration"]) == (404, False, None)
    for secret in ("Kwame", "Mensah", "Ghana", "passport", "Rejected", "Withdrawn", "Pending", "Delegate"):
        assert secret not in page
    # The same answer as a forged badge: nothing tells a withdrawn person from no one.
    assert verdict(response) == verdict(verify(client, "1-AAAAAAAAAAAAAAAA"))
    assert words(verdict(response)) == f"Badge verification Not valid {NOT_VALID}"


@pytest.mark.parametrize(
    "token", ["1-AAAAAAAAAAAAAAAA", "1", "abc-def", "99999999999999-x", "1.x-AAAA", "{pk}.01-AAAA", "{pk}.0-AAAA"]
)
def test_forged_or_damaged_tokens_are_not_valid(client, open_meeting, token):
    registration = RegistrationFactory(meeting=open_meeting, status="approved")
    response = verify(client, token.format(pk=registration.pk))
    assert (response.status_code, response.context["registration"]) == (404, None)


def test_a_signature_for_another_serial_does_not_verify(open_meeting):
    registration = RegistrationFactory(meeting=open_meeting, status="approved")
    Registration.objects.filter(pk=registration.pk).update(badge_serial=3)
    signature = badge_token(registration.pk, 2).split("-", 1)[1]
    assert badge_from_token(f"{registration.pk}.3-{signature}") is None
    assert badge_from_token(badge_token(registration.pk, 3)) == (registration.pk, 3)
    assert valid_badge_registration(badge_token(registration.pk, 3)) == registration
    assert valid_badge_registration(badge_token(registration.pk, 2)) is None


def test_printed_badges_carry_the_current_serial(open_meeting):
    registration = RegistrationFactory(meeting=open_meeting, status="approved")
    Registration.objects.filter(pk=registration.pk).update(badge_serial=4)
    [badge] = badges_of(badge_registrations(open_meeting))
    assert badge.verify_url == verification_url(registration.pk, 4)
    assert badge.verify_url.endswith(f"/reports/badges/verify/{badge_token(registration.pk, 4)}/")
