"""The services check their own rules (surveys.permissions): called directly by someone outside
the Chair's office, or in the wrong state of the survey, they refuse and change nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.tests.factories import UserFactory
from mailings.templates import default_texts
from surveys import services
from surveys.audiences import Audience, audience_plan
from surveys.models import Invitation, Reminder, Section, Survey
from surveys.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

INVITATION_SUBJECTS, INVITATION_BODIES = default_texts("surveys.invitation")
REMINDER_SUBJECTS, REMINDER_BODIES = default_texts("surveys.reminder")

TEXT = {"en": "Partnerships", "fr": "", "es": ""}


def test_survey_create_by_someone_outside_the_chairs_office_is_refused(meeting):
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        services.survey_create(
            meeting=meeting,
            title=TEXT,
            introduction=TEXT,
            opens_at=now,
            closes_at=now + dt.timedelta(days=7),
            anonymous=False,
            actor=UserFactory(),
        )
    assert Survey.objects.count() == 0


def test_section_save_by_someone_outside_the_chairs_office_is_refused(survey):
    with pytest.raises(PermissionDenied):
        services.section_save(survey=survey, section=None, title=TEXT, description=TEXT, actor=UserFactory())
    assert Section.objects.count() == 0


def test_section_save_once_invitations_are_written_is_refused(survey, chair):
    InvitationFactory(survey=survey)
    with pytest.raises(services.SurveyError) as error:
        services.section_save(survey=survey, section=None, title=TEXT, description=TEXT, actor=chair)
    assert str(error.value) == "Invitations have been sent: the questions can no longer be changed."
    assert Section.objects.count() == 0


def test_invite_to_a_closed_survey_is_refused(survey, chair, focal_point_of):
    focal_point_of("GH", friends_of_the_forum=True)
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    survey.refresh_from_db()
    plan = audience_plan(survey, Audience.FRIENDS)
    with pytest.raises(services.SurveyError) as error:
        services.survey_invite(
            survey=survey, plan=plan, subjects=INVITATION_SUBJECTS, bodies=INVITATION_BODIES, actor=chair
        )
    assert str(error.value) == "This survey has closed; nobody can be invited any more."
    assert Invitation.objects.count() == 0


def test_invite_by_someone_outside_the_chairs_office_is_refused(survey, focal_point_of):
    _ghana, focal_point = focal_point_of("GH", friends_of_the_forum=True)
    plan = audience_plan(survey, Audience.FRIENDS)
    with pytest.raises(PermissionDenied):
        services.survey_invite(
            survey=survey, plan=plan, subjects=INVITATION_SUBJECTS, bodies=INVITATION_BODIES, actor=focal_point
        )
    assert Invitation.objects.count() == 0


def test_reminder_before_the_survey_opens_is_refused(survey, chair):
    Survey.objects.filter(pk=survey.pk).update(opens_at=timezone.now() + dt.timedelta(days=1))
    InvitationFactory(survey=survey)
    with pytest.raises(services.SurveyError) as error:
        services.reminder_create(survey=survey, subjects=REMINDER_SUBJECTS, bodies=REMINDER_BODIES, actor=chair)
    assert str(error.value) == "Reminders can be sent only while the survey is open."
    assert Reminder.objects.count() == 0


def test_reminder_schedule_by_someone_outside_the_chairs_office_is_refused(survey):
    with pytest.raises(PermissionDenied):
        services.reminder_schedule(
            survey=survey,
            send_at=timezone.now() + dt.timedelta(hours=1),
            subjects=REMINDER_SUBJECTS,
            bodies=REMINDER_BODIES,
            actor=UserFactory(),
        )
    assert Reminder.objects.count() == 0


def test_question_delete_by_someone_outside_the_chairs_office_is_refused(questions):
    with pytest.raises(PermissionDenied):
        services.question_delete(question=questions["comments"], actor=UserFactory())
    assert Section.objects.get().questions.count() == 5
