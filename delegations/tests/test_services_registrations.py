import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from accounts.invitations import hash_token
from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations import services
from delegations.models import Invitation, Registration
from delegations.tests.factories import DelegationQuotaFactory, InvitationFactory, RegistrationFactory
from mailings.models import OutgoingMail
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db


def register(person, meeting, delegation, *, role="delegate", sessions=(), **fields):
    return services.registration_create(
        person=person, meeting=meeting, delegation=delegation, role=role, sessions=list(sessions), **fields
    )


def test_registration_create_holds_sessions_logs_and_mails(open_meeting, mexico, sessions_apart):
    person = UserFactory(email="sofia@example.org", first_name="Sofía", last_name="Castillo")

    registration = register(
        person,
        open_meeting,
        mexico,
        sessions=[sessions_apart["1.1"], sessions_apart["2.1"]],
        job_title="Counsellor",
        dietary_needs="Vegetarian",
        visa_letter_needed=True,
        public_list_consent=True,
    )

    registration.refresh_from_db()
    assert (registration.status, registration.role, registration.job_title) == ("pending", "delegate", "Counsellor")
    assert (registration.dietary_needs, registration.visa_letter_needed, registration.public_list_consent) == (
        "Vegetarian",
        True,
        True,
    )
    assert sorted(registration.sessions.values_list("code", flat=True)) == ["1.1", "2.1"]
    log = ActivityLog.objects.get(action="delegations.registration.created")
    assert (log.actor, log.meeting, log.data["sessions"]) == (person, open_meeting, ["1.1", "2.1"])
    mail = OutgoingMail.objects.get(to="sofia@example.org")
    assert mail.subject == "[GFMD] Registration received: Fourth Meeting"
    assert "1.1  Circular migration" in mail.body_text


def test_heads_only_session_is_refused_to_a_delegate(open_meeting, mexico, sessions):
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, sessions=[sessions["FF"]])
    assert error.value.message_dict == {"sessions": ["Session FF is for heads of delegation only."]}
    assert Registration.objects.count() == 0


def test_heads_only_session_is_open_to_the_head(open_meeting, mexico, sessions):
    registration = register(UserFactory(), open_meeting, mexico, role="head", sessions=[sessions["FF"]])
    assert list(registration.sessions.values_list("code", flat=True)) == ["FF"]


def test_full_session_is_refused_with_a_clear_message(open_meeting, mexico, sessions_apart):
    session = sessions_apart["1.1"]
    session.capacity = 1
    session.save()
    RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[session])
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, sessions=[session, sessions_apart["2.1"]])
    assert error.value.message_dict == {
        "sessions": ["Session 1.1 is full: its 1 seat is taken. Choose another session."]
    }


@pytest.mark.parametrize("status", ["rejected", "withdrawn"])
def test_rejected_and_withdrawn_registrations_release_their_seats(open_meeting, mexico, sessions, status):
    session = sessions["1.1"]
    session.capacity = 1
    session.save()
    RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[session], status=status, decision_reason="x")
    registration = register(UserFactory(), open_meeting, mexico, sessions=[session])
    assert list(registration.sessions.all()) == [session]


def test_session_of_another_meeting_is_refused(open_meeting, mexico):
    from roundtables.tests.factories import SessionFactory

    other = SessionFactory(code="9.9")
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, sessions=[other])
    assert error.value.message_dict == {"sessions": ["Choose sessions of this meeting."]}


def test_second_head_is_refused(open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head")
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, role="head")
    assert error.value.message_dict == {"role": ["Mexico already has a head of delegation for this meeting."]}


def test_the_database_refuses_a_second_active_head(open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head")
    RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head", status="withdrawn")
    with pytest.raises(IntegrityError):
        RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head", status="approved")


def test_a_head_who_withdrew_frees_the_role(open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, role="head", status="withdrawn")
    assert register(UserFactory(), open_meeting, mexico, role="head").role == "head"


def test_quota_is_enforced(open_meeting, mexico):
    DelegationQuotaFactory(meeting=open_meeting, delegation=mexico, places=1)
    RegistrationFactory(meeting=open_meeting, delegation=mexico)
    RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")  # holds no place
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico)
    assert error.value.message_dict == {
        "delegation": ["Mexico has used the 1 place the Chair's office gave it for this meeting."]
    }


def test_quota_of_another_meeting_does_not_count(open_meeting, mexico):
    from roundtables.tests.factories import MeetingFactory

    DelegationQuotaFactory(meeting=MeetingFactory(), delegation=mexico, places=0)
    assert register(UserFactory(), open_meeting, mexico).status == "pending"


def test_registration_needs_an_open_meeting(open_meeting, mexico):
    open_meeting.status = Meeting.Status.CLOSED
    open_meeting.save()
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico)
    assert error.value.messages == ["Registration for Fourth Meeting is not open."]


def test_registering_twice_is_refused(open_meeting, mexico, ghana):
    person = UserFactory()
    register(person, open_meeting, mexico)
    with pytest.raises(ValidationError) as error:
        register(person, open_meeting, ghana)
    assert error.value.messages == ["You are already registered for this meeting."]


def test_a_person_who_withdrew_registers_again_on_the_same_row(open_meeting, mexico, ghana, sessions):
    person = UserFactory()
    first = RegistrationFactory(
        meeting=open_meeting, person=person, delegation=mexico, status="withdrawn", sessions=[sessions["1.1"]]
    )
    again = register(person, open_meeting, ghana, sessions=[sessions["2.1"]])
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.status, again.delegation, again.decided_by) == ("pending", ghana, None)
    assert list(again.sessions.values_list("code", flat=True)) == ["2.1"]


def test_registration_change_keeps_held_seats_even_when_now_full(open_meeting, mexico, sessions_apart):
    session = sessions_apart["1.1"]
    session.capacity = 1
    session.save()
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[session])
    services.registration_change(
        registration=registration,
        actor=registration.person,
        sessions=[session, sessions_apart["2.1"]],
        job_title="Adviser",
        accessibility_needs="",
        dietary_needs="",
        visa_letter_needed=False,
        public_list_consent=True,
    )
    assert sorted(registration.sessions.values_list("code", flat=True)) == ["1.1", "2.1"]
    log = ActivityLog.objects.get(action="delegations.registration.changed")
    assert (log.data["added"], log.data["removed"]) == (["2.1"], [])


def test_registration_change_refuses_a_new_full_session(open_meeting, mexico, sessions):
    session = sessions["2.1"]
    session.capacity = 1
    session.save()
    RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[session])
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    with pytest.raises(ValidationError) as error:
        services.registration_change(
            registration=registration,
            actor=registration.person,
            sessions=[session],
            job_title="",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    assert error.value.message_dict["sessions"] == ["Session 2.1 is full: its 1 seat is taken. Choose another session."]
    assert list(registration.sessions.values_list("code", flat=True)) == ["1.1"]


def test_approved_registration_cannot_change_role(open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved")
    with pytest.raises(ValidationError) as error:
        services.registration_change(
            registration=registration,
            actor=registration.person,
            role="head",
            sessions=[],
            job_title="",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    assert error.value.message_dict == {
        "role": ["Your role can no longer change: your registration has been approved."]
    }


# Invitations


def test_invitation_create_mails_a_link_made_when_the_mail_is_sent(
    open_meeting, mexico, focal_point_mexico, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            delegation=mexico,
            meeting=open_meeting,
            email="Ana@Example.org",
            role="adviser",
            invited_by=focal_point_mexico,
        )
    assert invitation.email == "ana@example.org"
    token = re.search(r"/delegations/invitations/(\S+)/", mailoutbox[0].body).group(1)
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(token)
    assert services.invitation_by_token(token) == invitation
    mail = OutgoingMail.objects.get(to="ana@example.org")
    assert (mail.link_kind, mail.link_object_id) == ("delegations.invitation", invitation.pk)
    assert token not in mail.body_text
    assert ActivityLog.objects.get(action="delegations.invitation.sent").data["email"] == "ana@example.org"


def test_a_new_invitation_revokes_the_open_one_to_the_same_address(open_meeting, mexico, focal_point_mexico):
    first = services.invitation_create(
        delegation=mexico, meeting=open_meeting, email="ana@example.org", role="delegate", invited_by=focal_point_mexico
    )
    services.invitation_create(
        delegation=mexico, meeting=open_meeting, email="ana@example.org", role="delegate", invited_by=focal_point_mexico
    )
    first.refresh_from_db()
    assert first.state == Invitation.State.REVOKED


def test_invitation_registers_with_its_delegation_and_role_once(open_meeting, mexico, sessions):
    person = UserFactory(email="ana@example.org")
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org", role="head")
    registration = register(
        person, open_meeting, mexico, role="delegate", sessions=[sessions["FF"]], invitation=invitation
    )
    assert (registration.role, list(registration.sessions.values_list("code", flat=True))) == ("head", ["FF"])
    invitation.refresh_from_db()
    assert (invitation.state, invitation.used_by) == ("used", person)
    registration.status = "withdrawn"
    registration.save()
    with pytest.raises(ValidationError) as error:
        register(person, open_meeting, mexico, invitation=invitation)
    assert error.value.messages == ["This invitation has already been used, was revoked or has expired."]


def test_invitation_works_only_for_its_address(open_meeting, mexico):
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org")
    with pytest.raises(ValidationError) as error:
        register(UserFactory(email="someone@example.org"), open_meeting, mexico, invitation=invitation)
    assert error.value.messages == [
        "This invitation was sent to ana@example.org. Sign in with that verified address to use it."
    ]
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_invitation_refuses_an_unverified_address(open_meeting, mexico):
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico, email="ana@example.org")
    with pytest.raises(ValidationError):
        register(UserFactory(email="ana@example.org", verified=False), open_meeting, mexico, invitation=invitation)


def test_expired_invitation_is_refused(open_meeting, mexico):
    invitation = InvitationFactory(
        meeting=open_meeting,
        delegation=mexico,
        email="ana@example.org",
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert invitation.state == Invitation.State.EXPIRED
    with pytest.raises(ValidationError) as error:
        register(UserFactory(email="ana@example.org"), open_meeting, mexico, invitation=invitation)
    assert error.value.messages == ["This invitation has already been used, was revoked or has expired."]
    assert Registration.objects.count() == 0


def test_invitation_to_someone_already_registered_is_refused(open_meeting, mexico, focal_point_mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__email="ana@example.org")
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            delegation=mexico,
            meeting=open_meeting,
            email="ana@example.org",
            role="delegate",
            invited_by=focal_point_mexico,
        )
    assert error.value.message_dict == {
        "email": ["ana@example.org is already registered with your delegation for this meeting."]
    }


def test_invitation_revoke(open_meeting, mexico, focal_point_mexico):
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico)
    services.invitation_revoke(invitation=invitation, actor=focal_point_mexico)
    assert invitation.state == Invitation.State.REVOKED
    with pytest.raises(ValidationError):
        services.invitation_revoke(invitation=invitation, actor=focal_point_mexico)


# Quotas


def test_quota_set_and_remove(open_meeting, mexico, chair):
    quota = services.quota_set(delegation=mexico, meeting=open_meeting, places=8, actor=chair)
    assert (quota.places, quota.set_by) == (8, chair)
    assert services.quota_set(delegation=mexico, meeting=open_meeting, places=None, actor=chair) is None
    assert [log.data for log in ActivityLog.objects.filter(action="delegations.quota.set").order_by("pk")] == [
        {"from": None, "to": 8},
        {"from": 8, "to": None},
    ]


def test_registration_change_needs_an_open_meeting(open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    open_meeting.status = Meeting.Status.HELD
    open_meeting.save()
    with pytest.raises(ValidationError) as error:
        services.registration_change(
            registration=registration,
            actor=registration.person,
            sessions=[],
            job_title="",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    assert error.value.messages == ["Registration for Fourth Meeting is not open."]
