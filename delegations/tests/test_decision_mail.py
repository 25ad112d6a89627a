"""Focal points and the civil-society coordinator hear of registrations awaiting their decision:
at once, or (by default) in one daily digest that never lists a registration twice."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import CivilSocietyCoordinatorFactory, UserFactory
from delegations import services
from delegations.tasks import send_decision_digests_task
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db

SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def _register(meeting, delegation, sessions, **person):
    return services.registration_create(
        person=UserFactory(**person),
        meeting=meeting,
        delegation=delegation,
        role="delegate",
        sessions=[sessions["1.1"]],
    )


def _decider_mails():
    return OutgoingMail.objects.exclude(subject__startswith="[GFMD] Registration received")


@pytest.fixture
def ngo(db):
    return OrganisationFactory(kind="civil_society", name="Migrant Forum in Asia")


def test_an_immediate_focal_point_is_mailed_each_registration(open_meeting, mexico, sessions, focal_point_mexico):
    focal_point_mexico.decision_mail = "immediate"
    focal_point_mexico.save()
    registration = _register(open_meeting, mexico, sessions, first_name="Sofía", last_name="Castillo")
    mail = _decider_mails().get()
    assert mail.to == focal_point_mexico.email
    assert mail.subject == "[GFMD] To decide: Sofía Castillo registered with Mexico"
    assert f"{SITE}/delegations/registrations/{registration.pk}/\n" in mail.body_text
    assert (
        "Sofía Castillo has registered for the Fourth Meeting with the delegation of Mexico, as delegate. "
        "The registration awaits your decision."
    ) in mail.body_text


def test_a_daily_focal_point_and_other_delegations_focal_points_get_nothing_at_once(
    open_meeting, mexico, sessions, focal_point_mexico, focal_point_ghana
):
    focal_point_ghana.decision_mail = "immediate"
    focal_point_ghana.save()
    assert focal_point_mexico.decision_mail == "daily"
    _register(open_meeting, mexico, sessions)
    assert _decider_mails().count() == 0


def test_a_french_focal_point_is_mailed_in_french(open_meeting, mexico, sessions, focal_point_mexico):
    focal_point_mexico.decision_mail = "immediate"
    focal_point_mexico.preferred_language = "fr"
    focal_point_mexico.save()
    _register(open_meeting, mexico, sessions, first_name="Sofía", last_name="Castillo")
    mail = _decider_mails().get()
    assert "Quatrième réunion" in mail.body_text
    assert "Le Bureau de la présidence du GFMD" in mail.body_text


def test_the_coordinator_hears_of_civil_society_registrations_only(open_meeting, mexico, ngo, sessions):
    coordinator = CivilSocietyCoordinatorFactory(decision_mail="immediate")
    _register(open_meeting, mexico, sessions)
    assert _decider_mails().count() == 0
    _register(open_meeting, ngo, sessions, first_name="Ana", last_name="Reyes")
    mail = _decider_mails().get()
    assert (mail.to, mail.subject) == (
        coordinator.email,
        "[GFMD] To decide: Ana Reyes registered with Migrant Forum in Asia",
    )


def test_the_daily_digest_lists_new_registrations_once(open_meeting, mexico, ghana, sessions, focal_point_mexico):
    _register(open_meeting, mexico, sessions, first_name="Sofía", last_name="Castillo")
    _register(open_meeting, mexico, sessions, first_name="Luis", last_name="Ortega")
    _register(open_meeting, ghana, sessions, first_name="Ama", last_name="Owusu")  # not Mexico's
    assert send_decision_digests_task.apply().get() == 1
    mail = _decider_mails().get()
    assert mail.to == focal_point_mexico.email
    assert mail.subject == "[GFMD] 2 new registrations await your decision"
    assert "  Sofía Castillo, Mexico, delegate (Fourth Meeting)\n" in mail.body_text
    assert "  Luis Ortega, Mexico, delegate (Fourth Meeting)\n" in mail.body_text
    assert "Owusu" not in mail.body_text
    assert f"{SITE}{reverse('delegations:registrations')}\n" in mail.body_text

    # A rerun (after a crash, or a second beat) sends nothing more; a later registration comes next day.
    assert send_decision_digests_task.apply().get() == 0
    assert _decider_mails().count() == 1
    _register(open_meeting, mexico, sessions, first_name="Eva", last_name="Luna")
    assert send_decision_digests_task.apply().get() == 1
    latest = _decider_mails().order_by("-pk").first()
    assert latest.subject == "[GFMD] 1 new registration awaits your decision"
    assert "Eva Luna" in latest.body_text
    assert "Sofía Castillo" not in latest.body_text


def test_the_digest_leaves_out_what_was_decided_and_immediate_deciders(
    open_meeting, mexico, sessions, focal_point_mexico, focal_point_ghana, ghana
):
    registration = _register(open_meeting, mexico, sessions)
    services.registration_approve(registration=registration, actor=focal_point_mexico)
    focal_point_ghana.decision_mail = "immediate"
    focal_point_ghana.save()
    _register(open_meeting, ghana, sessions)
    before = _decider_mails().count()
    assert send_decision_digests_task.apply().get() == 0
    assert _decider_mails().count() == before


def test_the_first_digest_covers_the_last_day_only(open_meeting, mexico, sessions, focal_point_mexico):
    old = _register(open_meeting, mexico, sessions)
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    assert send_decision_digests_task.apply().get() == 0
    focal_point_mexico.refresh_from_db()
    assert focal_point_mexico.last_digest_at is not None


def test_a_crash_halfway_leaves_the_others_to_the_rerun_without_repeating(
    open_meeting, mexico, ghana, sessions, focal_point_mexico, focal_point_ghana, monkeypatch
):
    from delegations.services import notifications

    _register(open_meeting, mexico, sessions)
    _register(open_meeting, ghana, sessions)
    real = notifications.send_to_people

    def failing_for_ghana(key, people, **kwargs):
        if [person.email for person in people] == [focal_point_ghana.email]:
            raise RuntimeError("worker lost")
        return real(key, people, **kwargs)

    monkeypatch.setattr(notifications, "send_to_people", failing_for_ghana)
    with pytest.raises(RuntimeError):
        send_decision_digests_task.apply(throw=True)
    assert list(_decider_mails().values_list("to", flat=True)) == [focal_point_mexico.email]
    monkeypatch.setattr(notifications, "send_to_people", real)
    assert send_decision_digests_task.apply().get() == 1
    assert sorted(_decider_mails().values_list("to", flat=True)) == sorted(
        [focal_point_mexico.email, focal_point_ghana.email]
    )


def test_profile_offers_the_choice_to_deciders_only(client, focal_point_mexico):
    client.force_login(UserFactory())
    assert "decision_mail" not in client.get(reverse("accounts:profile")).context["form"].fields
    client.force_login(focal_point_mexico)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Javier",
            "last_name": "Herrera",
            "preferred_language": "en",
            "decision_mail": "immediate",
        },
    )
    assert response.status_code == 302
    focal_point_mexico.refresh_from_db()
    assert focal_point_mexico.decision_mail == "immediate"


def test_a_coordinator_named_for_a_meeting_hears_of_that_meetings_civil_society_only(open_meeting, ngo, sessions):
    from roundtables.models import MeetingRole
    from roundtables.tests.factories import MeetingFactory

    coordinator = UserFactory()  # named per meeting, in no group (daily digest, the default)
    MeetingRole.objects.create(meeting=open_meeting, user=coordinator, role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)
    other = MeetingFactory(number=open_meeting.number + 1, status=open_meeting.status)
    _register(open_meeting, ngo, sessions, first_name="Ana", last_name="Reyes")
    RegistrationFactory(meeting=other, delegation=ngo, person=UserFactory(last_name="Elsewhere"))
    assert send_decision_digests_task.apply().get() == 1
    mail = _decider_mails().get()
    assert mail.to == coordinator.email
    assert "Ana Reyes" in mail.body_text and "Elsewhere" not in mail.body_text
