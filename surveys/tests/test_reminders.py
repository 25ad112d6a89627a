import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from gfmd.celery import app as celery_app
from mailings.models import Mailing, OutgoingMail
from mailings.templates import default_texts
from surveys.audiences import Audience, audience_plan
from surveys.models import Invitation, Reminder, SurveyMail
from surveys.services import (
    SurveyError,
    reminder_create,
    reminder_schedule,
    reminders_send_due,
    response_submit,
    survey_invite,
)
from surveys.tasks import send_due_reminders_task
from surveys.tests.helpers import send

INVITATION_SUBJECTS, INVITATION_BODIES = default_texts("surveys.invitation")
REMINDER_SUBJECTS, REMINDER_BODIES = default_texts("surveys.reminder")

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(survey, questions, chair, focal_point_of, django_capture_on_commit_callbacks, mailoutbox):
    """Three Friends of the Forum invited and mailed; Ghana has answered."""
    for code in ("GH", "MX", "SN"):
        focal_point_of(code, friends_of_the_forum=True)
    plan = audience_plan(survey, Audience.FRIENDS)
    mailing = survey_invite(
        survey=survey, plan=plan, subjects=INVITATION_SUBJECTS, bodies=INVITATION_BODIES, actor=chair
    )
    send(mailing, chair, django_capture_on_commit_callbacks)
    ghana = Invitation.objects.get(delegation__country="GH")
    response_submit(invitation=ghana, questions=[questions["coherence"]], values={questions["coherence"].pk: False})
    mailoutbox.clear()
    return survey


def test_a_reminder_by_hand_waits_in_the_outbox_and_goes_only_to_those_who_have_not_answered(
    invited, chair, mailoutbox, django_capture_on_commit_callbacks
):
    mailing = reminder_create(survey=invited, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    assert (mailing.state, mailoutbox) == (Mailing.State.OUTBOX, [])

    send(mailing, chair, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mailoutbox) == ["fp.mx@example.org", "fp.sn@example.org"]
    assert mailoutbox[0].subject == "Reminder: GFMD survey Theme and roundtables 2010"
    assert "/surveys/r/" in mailoutbox[0].body


def test_a_second_reminder_while_one_waits_in_the_outbox_is_refused(invited, chair):
    reminder_create(survey=invited, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    with pytest.raises(SurveyError):
        reminder_create(survey=invited, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    assert Reminder.objects.count() == 1


def test_a_reminder_is_not_sent_to_someone_who_answered_after_it_was_written(
    invited, chair, questions, mailoutbox, django_capture_on_commit_callbacks
):
    mailing = reminder_create(survey=invited, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    mexico = Invitation.objects.get(delegation__country="MX")
    response_submit(invitation=mexico, questions=[questions["coherence"]], values={questions["coherence"].pk: True})

    send(mailing, chair, django_capture_on_commit_callbacks)

    assert [m.to[0] for m in mailoutbox] == ["fp.sn@example.org"]
    assert OutgoingMail.objects.get(to="fp.mx@example.org", mailing=mailing).state == OutgoingMail.State.CANCELLED


def test_a_scheduled_reminder_is_sent_once_when_its_time_comes(
    invited, chair, mailoutbox, django_capture_on_commit_callbacks
):
    send_at = timezone.now() + dt.timedelta(days=2)
    reminder = reminder_schedule(
        survey=invited, send_at=send_at, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_due(now=send_at - dt.timedelta(minutes=1)) == []
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_due(now=send_at) == [reminder]
        assert reminders_send_due(now=send_at + dt.timedelta(hours=1)) == []

    assert sorted(m.to[0] for m in mailoutbox) == ["fp.mx@example.org", "fp.sn@example.org"]
    reminder.refresh_from_db()
    assert (reminder.fired_at, reminder.mailing.state) == (send_at, Mailing.State.DONE)


def test_the_database_refuses_a_second_mail_of_one_reminder_to_one_person(invited, chair):
    send_at = timezone.now() + dt.timedelta(days=2)
    reminder_schedule(survey=invited, send_at=send_at, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    reminders_send_due(now=send_at)
    first = SurveyMail.objects.filter(reminder__isnull=False).first()
    with pytest.raises(IntegrityError):
        SurveyMail.objects.create(
            invitation=first.invitation,
            reminder=first.reminder,
            person=first.person,
            mail=OutgoingMail.objects.create(to=first.person.email, subject="again", body_text="again"),
        )


def test_two_reminders_cannot_be_scheduled_at_the_same_time(invited, chair):
    send_at = timezone.now() + dt.timedelta(days=2)
    reminder_schedule(survey=invited, send_at=send_at, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    with pytest.raises(SurveyError):
        reminder_schedule(
            survey=invited, send_at=send_at, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair
        )
    with pytest.raises(IntegrityError):
        Reminder.objects.create(survey=invited, kind=Reminder.Kind.SCHEDULED, send_at=send_at)


def test_a_reminder_cannot_be_scheduled_after_the_survey_closes(invited, chair):
    with pytest.raises(SurveyError):
        reminder_schedule(
            survey=invited,
            send_at=invited.closes_at + dt.timedelta(hours=1),
            subjects=REMINDER_SUBJECTS,
            bodies=REMINDER_BODIES,
            actor=chair,
        )


def test_beat_runs_the_due_reminders_task():
    entries = {entry["task"]: entry for entry in celery_app.conf.beat_schedule.values()}
    assert entries["gfmd.surveys.send_due_reminders"]["schedule"] == 300
    assert entries["gfmd.mailings.sweep"]["schedule"] == 30


def test_the_due_reminders_task_sends_a_reminder_whose_time_has_passed(invited, chair, mailoutbox):
    reminder = Reminder.objects.create(
        survey=invited,
        kind=Reminder.Kind.SCHEDULED,
        send_at=timezone.now() - dt.timedelta(minutes=1),
        message={"subjects": REMINDER_SUBJECTS, "bodies": REMINDER_BODIES},
    )
    send_due_reminders_task.apply()
    reminder.refresh_from_db()
    assert reminder.mailing.mails.count() == 2
    assert reminder.fired_at is not None


def test_reminders_page_counts_those_not_yet_answered(client, chair, invited):
    client.force_login(chair)
    response = client.get(reverse("surveys:reminders", args=[invited.pk]))
    assert (response.context["pending_invitations"], response.context["pending_mails"]) == (2, 2)


def test_chair_schedules_and_cancels_a_reminder(client, chair, invited):
    client.force_login(chair)
    data = {"form": "schedule", "schedule-send_at": "2099-01-01T09:00"}
    for code in ("en",):
        data[f"schedule-subject_{code}"] = REMINDER_SUBJECTS[code]
        data[f"schedule-body_{code}"] = REMINDER_BODIES[code]
    response = client.post(reverse("surveys:reminders", args=[invited.pk]), data)
    assert response.context["schedule_form"].errors == {"send_at": ["Choose a time before the survey closes."]}

    data["schedule-send_at"] = (timezone.now() + dt.timedelta(days=3)).strftime(
        "%Y-%m-%dT%H:%M"
    )  # the meeting is in UTC
    client.post(reverse("surveys:reminders", args=[invited.pk]), data)
    reminder = Reminder.objects.get()
    client.post(reverse("surveys:reminder_cancel", args=[invited.pk, reminder.pk]))
    assert Reminder.objects.count() == 0


def test_a_delegate_cannot_remind(client, invited):
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(reverse("surveys:reminders", args=[invited.pk]), {"form": "manual"})
    assert (response.status_code, Reminder.objects.count()) == (404, 0)
