import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from activity.models import ActivityLog
from delegations import services
from delegations.models import Delegation
from delegations.tests.factories import DelegationQuotaFactory, OrganisationFactory, RegistrationFactory
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(open_meeting, mexico, sessions):
    return RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        person__email="sofia@example.org",
        person__first_name="Sofía",
        person__last_name="Castillo",
        sessions=[sessions["1.1"]],
    )


def test_focal_point_approves_logs_and_mails(
    pending, focal_point_mexico, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_approve(registration=pending, actor=focal_point_mexico)
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by, pending.decided_at is not None) == (
        "approved",
        focal_point_mexico,
        True,
    )
    log = ActivityLog.objects.get(action="delegations.registration.approved")
    assert (log.actor, log.object_id, log.data) == (
        focal_point_mexico,
        str(pending.pk),
        {"from": "pending", "reason": "", "override": False},
    )
    mail = OutgoingMail.objects.get(to="sofia@example.org")
    assert mail.state == OutgoingMail.State.SENT  # sent by the Celery task once committed
    assert mail.subject == "[GFMD] Registration approved: Fourth Meeting"
    assert [(m.to, m.subject) for m in mailoutbox] == [(["sofia@example.org"], mail.subject)]
    assert "Dear Sofía Castillo," in mail.body_text
    assert "has been approved" in mail.body_text


def test_decision_mail_is_in_the_participant_language(pending, focal_point_mexico):
    pending.person.preferred_language = "fr"
    pending.person.save()
    services.registration_approve(registration=pending, actor=focal_point_mexico)
    mail = OutgoingMail.objects.get(to="sofia@example.org")
    # The meeting's French title (modeltranslation) shows the mail was rendered in French.
    assert "Quatrième réunion" in mail.subject
    assert "Quatrième réunion" in mail.body_text


def test_reject_needs_a_reason_that_the_mail_carries(pending, focal_point_mexico):
    with pytest.raises(ValidationError) as error:
        services.registration_reject(registration=pending, actor=focal_point_mexico, reason="  ")
    assert error.value.message_dict == {"reason": ["Say why the registration is rejected: the participant reads it."]}
    services.registration_reject(registration=pending, actor=focal_point_mexico, reason="The delegation is full.")
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == ("rejected", "The delegation is full.")
    mail = OutgoingMail.objects.get(to="sofia@example.org")
    assert mail.subject == "[GFMD] Registration not approved: Fourth Meeting"
    assert "Reason: The delegation is full." in mail.body_text


def test_participant_withdraws_and_the_seat_is_free(pending, sessions, open_meeting, mexico):
    sessions["1.1"].capacity = 1
    sessions["1.1"].save()
    services.registration_withdraw(registration=pending, actor=pending.person, reason="Travel cancelled")
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("withdrawn", pending.person)
    log = ActivityLog.objects.get(action="delegations.registration.withdrawn")
    assert log.data == {"from": "pending", "reason": "Travel cancelled", "by_participant": True}
    assert "You have withdrawn your registration" in OutgoingMail.objects.get(to="sofia@example.org").body_text
    other = services.registration_create(
        person=UserFactory(), meeting=open_meeting, delegation=mexico, role="delegate", sessions=[sessions["1.1"]]
    )
    assert other.status == "pending"


def test_withdrawn_registration_cannot_be_approved_or_withdrawn_again(pending, focal_point_mexico):
    services.registration_withdraw(registration=pending, actor=pending.person)
    with pytest.raises(ValidationError):
        services.registration_approve(registration=pending, actor=focal_point_mexico)
    with pytest.raises(ValidationError):
        services.registration_withdraw(registration=pending, actor=pending.person)


def test_approving_twice_is_refused(pending, focal_point_mexico):
    services.registration_approve(registration=pending, actor=focal_point_mexico)
    with pytest.raises(ValidationError) as error:
        services.registration_approve(registration=pending, actor=focal_point_mexico)
    assert error.value.messages == ["This registration is already approved."]
    assert OutgoingMail.objects.filter(to="sofia@example.org").count() == 1


def test_focal_point_cannot_reverse_a_decision(pending, focal_point_mexico):
    services.registration_approve(registration=pending, actor=focal_point_mexico)
    with pytest.raises(ValidationError) as error:
        services.registration_reject(registration=pending, actor=focal_point_mexico, reason="Changed my mind")
    assert error.value.messages == [
        "This registration was already approved; only the Chair's office can change that decision."
    ]


def test_chair_office_overrides_a_rejection(pending, focal_point_mexico, chair):
    services.registration_reject(registration=pending, actor=focal_point_mexico, reason="No")
    services.registration_approve(registration=pending, actor=chair, reason="Invited by the Chair")
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by, pending.decision_reason) == ("approved", chair, "Invited by the Chair")
    log = ActivityLog.objects.filter(action="delegations.registration.approved").get()
    assert log.data == {"from": "rejected", "reason": "Invited by the Chair", "override": True}


def test_chair_office_overrides_an_approval(pending, focal_point_mexico, chair):
    services.registration_approve(registration=pending, actor=focal_point_mexico)
    services.registration_reject(registration=pending, actor=chair, reason="Security vetting")
    pending.refresh_from_db()
    assert pending.status == "rejected"


def test_override_approval_rechecks_the_seat(pending, focal_point_mexico, chair, sessions, open_meeting, mexico):
    services.registration_reject(registration=pending, actor=focal_point_mexico, reason="No")
    sessions["1.1"].capacity = 1
    sessions["1.1"].save()
    RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    with pytest.raises(ValidationError) as error:
        services.registration_approve(registration=pending, actor=chair)
    assert error.value.messages == ["Session 1.1 is full: its 1 seat is taken. Choose another session."]


def test_override_approval_rechecks_the_quota(pending, focal_point_mexico, chair, open_meeting, mexico):
    services.registration_reject(registration=pending, actor=focal_point_mexico, reason="No")
    DelegationQuotaFactory(meeting=open_meeting, delegation=mexico, places=1)
    RegistrationFactory(meeting=open_meeting, delegation=mexico)
    with pytest.raises(ValidationError):
        services.registration_approve(registration=pending, actor=chair)


def test_bulk_approve_reports_what_it_could_not_do(open_meeting, mexico, focal_point_mexico):
    first, second = RegistrationFactory.create_batch(2, meeting=open_meeting, delegation=mexico)
    withdrawn = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="withdrawn")
    approved, problems = services.registrations_approve_many(
        registrations=[first, second, withdrawn], actor=focal_point_mexico
    )
    assert approved == 2
    assert problems == [f"{withdrawn.person.display_name}: This registration was withdrawn."]
    assert OutgoingMail.objects.count() == 2


def test_civil_society_coordinator_decides_for_civil_society(open_meeting):
    coordinator = CivilSocietyCoordinatorFactory()
    organisation = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY)
    registration = RegistrationFactory(meeting=open_meeting, delegation=organisation)
    services.registration_approve(registration=registration, actor=coordinator)
    registration.refresh_from_db()
    assert registration.decided_by == coordinator
