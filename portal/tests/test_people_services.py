"""People administration's services: only the Chair's office acts, with a reason; a deactivated or
revoked person's open sessions end; nobody deactivates themselves or empties the Chair's office."""

import re

import pytest
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import StaffInvitation
from accounts.roles import SUPPORT
from accounts.tests.factories import PASSWORD, SupportFactory, UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import DelegationFactory, RegistrationFactory, make_focal_point
from mailings.tests.raw import outbox_contains
from portal.people import services

pytestmark = pytest.mark.django_db

JOIN_LINK = re.compile(r"^https?://[^/\s]+(/chair/staff/join/(\S+)/)$", re.MULTILINE)


@pytest.fixture
def focal_point(meeting):
    person = UserFactory()
    make_focal_point(person, DelegationFactory(), meeting)
    return person


@pytest.fixture
def delegate(meeting):
    return RegistrationFactory(meeting=meeting).person


@pytest.fixture(autouse=True)
def _an_open_meeting(meeting):
    """The people administration is the Chair's office's of an open meeting (or support's)."""


def _wrong_users(focal_point, delegate):
    from django.contrib.auth.models import AnonymousUser

    return [focal_point, delegate, AnonymousUser(), None]


def test_only_the_chair_office_deactivates_reactivates_invites_and_revokes(chair, focal_point, delegate):
    person = UserFactory()
    colleague = SupportFactory()
    for wrong in _wrong_users(focal_point, delegate):
        with pytest.raises(PermissionDenied):
            services.person_deactivate(actor=wrong, person=person, reason="r")
        with pytest.raises(PermissionDenied):
            services.person_reactivate(actor=wrong, person=person, reason="r")
        with pytest.raises(PermissionDenied):
            services.staff_invite(actor=wrong, email="new@example.org")
        with pytest.raises(PermissionDenied):
            services.staff_revoke(actor=wrong, member=colleague, reason="r")
    person.refresh_from_db()
    assert person.is_active
    assert colleague.groups.filter(name=SUPPORT).exists()
    assert not StaffInvitation.objects.exists()
    assert not ActivityLog.objects.exists()


def test_deactivation_keeps_the_account_logs_the_reason_and_reactivation_restores_it(chair):
    person = UserFactory()
    services.person_deactivate(actor=chair, person=person, reason="Left the ministry")
    person.refresh_from_db()
    assert not person.is_active
    services.person_reactivate(actor=chair, person=person, reason="Back in post")
    person.refresh_from_db()
    assert person.is_active
    log = ActivityLog.objects.order_by("pk")
    assert [(entry.action, entry.actor, entry.data["reason"], entry.label) for entry in log] == [
        ("portal.person.deactivated", chair, "Left the ministry", "Account deactivated"),
        ("portal.person.reactivated", chair, "Back in post", "Account reactivated"),
    ]


def test_a_reason_is_required(chair):
    person = UserFactory()
    with pytest.raises(ValidationError) as refused:
        services.person_deactivate(actor=chair, person=person, reason="  ")
    assert "reason" in refused.value.error_dict


def test_nobody_deactivates_themselves(chair):
    with pytest.raises(ValidationError, match="cannot deactivate your own account"):
        services.person_deactivate(actor=chair, person=chair, reason="Leaving")
    chair.refresh_from_db()
    assert chair.is_active


def test_deactivating_twice_is_refused(chair):
    person = UserFactory(is_active=False)
    with pytest.raises(ValidationError, match="already deactivated"):
        services.person_deactivate(actor=chair, person=person, reason="r")


def test_a_deactivated_person_is_signed_out_of_the_session_they_hold(chair, client):
    person = UserFactory()
    client.force_login(person)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    services.person_deactivate(actor=chair, person=person, reason="Left")
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    # Reactivated, the account is usable again, but the old session stays ended.
    services.person_reactivate(actor=chair, person=person, reason="Back")
    assert client.get(reverse("accounts:dashboard")).status_code == 302
    assert client.login(email=person.email, password=PASSWORD)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_deactivation_ends_only_that_persons_sessions(chair):
    from django.test import Client

    person, other = UserFactory(), UserFactory()
    theirs, others = Client(), Client()
    theirs.force_login(person)
    others.force_login(other)
    services.person_deactivate(actor=chair, person=person, reason="Left")
    assert theirs.get(reverse("accounts:dashboard")).status_code == 302
    assert others.get(reverse("accounts:dashboard")).status_code == 200


def test_a_session_opened_before_the_feature_stays_valid(client):
    """An empty session salt gives Django's own hash: nobody was signed out by the migration."""
    from django.contrib.auth.base_user import AbstractBaseUser

    person = UserFactory()
    assert person.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(person)


def test_the_invited_colleague_joins_with_the_link_of_the_mail(support, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.staff_invite(actor=support, email="New.Colleague@example.org")
    assert invitation.email == "new.colleague@example.org"
    [sent] = [message for message in django_mail.outbox if message.to == ["new.colleague@example.org"]]
    path, token = JOIN_LINK.search(sent.body).groups()
    assert not outbox_contains(token)

    someone_else = UserFactory()
    with pytest.raises(ValidationError, match="sign in with that address"):
        services.staff_join(token=token, user=someone_else)
    colleague = UserFactory(email="new.colleague@example.org")
    client.force_login(colleague)
    assert "Join portal support" in client.get(path).content.decode()
    assert client.post(path).status_code == 302
    assert colleague.groups.filter(name=SUPPORT).exists()
    with pytest.raises(ValidationError, match="no longer valid"):
        services.staff_join(token=token, user=colleague)
    assert list(ActivityLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "portal.staff.invited",
        "portal.staff.joined",
    ]


def test_a_withdrawn_invitation_opens_nothing(support, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.staff_invite(actor=support, email="new@example.org")
    [sent] = django_mail.outbox
    _path, token = JOIN_LINK.search(sent.body).groups()
    services.staff_invitation_withdraw(actor=support, invitation=invitation)
    with pytest.raises(ValidationError, match="no longer valid"):
        services.staff_join(token=token, user=UserFactory(email="new@example.org"))


def test_inviting_a_member_is_refused(support):
    with pytest.raises(ValidationError, match="already a member"):
        services.staff_invite(actor=support, email=support.email.upper())


def test_revoking_a_member_removes_them_and_ends_their_sessions(support):
    from django.test import Client

    colleague = SupportFactory()
    theirs = Client()
    theirs.force_login(colleague)
    assert theirs.get(reverse("people:search")).status_code == 200
    services.staff_revoke(actor=support, member=colleague, reason="Moved to another ministry")
    assert not colleague.groups.filter(name=SUPPORT).exists()
    colleague.refresh_from_db()
    assert colleague.is_active  # the account stays, with its other roles
    assert theirs.get(reverse("people:search")).status_code == 302  # signed out
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.data["reason"], entry.label) == (
        "portal.staff.revoked",
        "Moved to another ministry",
        "Removed from portal support",
    )


def test_revoking_the_last_member_is_refused(support):
    with pytest.raises(ValidationError, match="last member"):
        services.staff_revoke(actor=support, member=support, reason="Leaving")
    administrator = UserFactory(is_superuser=True)
    with pytest.raises(ValidationError, match="last member"):
        services.staff_revoke(actor=administrator, member=support, reason="Leaving")
    assert support.groups.filter(name=SUPPORT).exists()


def test_a_member_may_leave_while_a_colleague_stays(support):
    SupportFactory()
    services.staff_revoke(actor=support, member=support, reason="Leaving the office")
    assert not support.groups.filter(name=SUPPORT).exists()


def test_revoking_someone_outside_the_office_is_refused(support):
    with pytest.raises(ValidationError, match="not a member"):
        services.staff_revoke(actor=support, member=UserFactory(), reason="r")
