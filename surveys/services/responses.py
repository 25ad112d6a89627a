"""A recipient's answers: saved as they go, submitted once."""

from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from activity.services import activity_log
from roundtables.editions import ensure_open
from surveys.answers import is_empty, visible_questions
from surveys.models import Answer, Invitation, Question, Response, Survey
from surveys.services.invitations import SurveyError


class ResponseAlreadySubmitted(SurveyError):
    pass


class ResponseIncomplete(SurveyError):
    def __init__(self, missing: list[Question]):
        super().__init__(_("Some required questions have no answer yet."))
        self.missing = missing


def _check_open(survey: Survey) -> None:
    status = survey.status()
    if status == Survey.Status.CLOSED:
        raise SurveyError(_("This survey has closed; answers can no longer be saved."))
    if status == Survey.Status.UPCOMING:
        raise SurveyError(_("This survey is not open yet."))


def _locked_invitation(invitation: Invitation) -> Invitation:
    locked = Invitation.objects.select_for_update().select_related("survey__meeting").get(pk=invitation.pk)
    if locked.submitted_at is not None:
        when = timezone.localtime(locked.submitted_at, ZoneInfo(locked.survey.meeting.time_zone))
        raise ResponseAlreadySubmitted(
            _("These answers were already submitted on %(date)s. A second submission is refused.")
            % {"date": date_format(when, "j F Y, H:i")}
        )
    return locked


def _write_answers(response: Response, questions: list[Question], values: dict[int, object]) -> None:
    """Upsert the given answers; an emptied answer is deleted. Questions not in `values` are left."""
    existing = {answer.question_id: answer for answer in response.answers.all()}
    to_create, to_update, to_delete = [], [], []
    for question in questions:
        if question.pk not in values:
            continue
        value = values[question.pk]
        current = existing.get(question.pk)
        if is_empty(value):
            if current is not None:
                to_delete.append(current.pk)
        elif current is None:
            to_create.append(Answer(response=response, question=question, value=value))
        elif current.value != value:
            current.value = value
            to_update.append(current)
    Answer.objects.bulk_create(to_create)
    Answer.objects.bulk_update(to_update, ["value"])
    Answer.objects.filter(pk__in=to_delete).delete()


@transaction.atomic
def response_save(*, invitation: Invitation, questions: list[Question], values: dict[int, object]) -> Response:
    """Keep the answers given so far (the draft); nothing is checked for completeness."""
    locked = _locked_invitation(invitation)
    ensure_open(locked.survey.meeting)  # answers come by invitation link: no correction lets them in
    _check_open(locked.survey)
    response, _created = Response.objects.get_or_create(invitation=locked, defaults={"survey": locked.survey})
    _write_answers(response, questions, values)
    response.updated_at = timezone.now()
    response.save(update_fields=["updated_at"])
    return response


@transaction.atomic
def response_submit(*, invitation: Invitation, questions: list[Question], values: dict[int, object]) -> Response:
    """Submit the answers once. Answers to questions hidden by a condition are dropped; a required
    question that is shown and unanswered refuses the submission (the answers are saved all the same
    by the caller first, so nothing typed is lost)."""
    locked = _locked_invitation(invitation)
    survey = locked.survey
    ensure_open(survey.meeting)  # answers come by invitation link: no correction lets them in
    _check_open(survey)
    response, _created = Response.objects.get_or_create(invitation=locked, defaults={"survey": survey})
    _write_answers(response, questions, values)
    answers = {answer.question_id: answer.value for answer in response.answers.all()}
    shown = visible_questions(questions, answers)
    missing = [q for q in questions if q.required and q.pk in shown and is_empty(answers.get(q.pk))]
    if missing:
        raise ResponseIncomplete(missing)
    response.answers.exclude(question_id__in=shown).delete()
    now = timezone.now()
    locked.submitted_at = now
    locked.save(update_fields=["submitted_at"])
    response.state = Response.State.SUBMITTED
    response.submitted_at = response.updated_at = now
    if survey.anonymous:
        # Who responded stays known (the invitation); what they answered is cut loose from it, and
        # the time is kept to the day only, so the two cannot be matched by the clock either.
        response.invitation = None
        response.submitted_at = response.updated_at = now.replace(hour=12, minute=0, second=0, microsecond=0)
    response.save(update_fields=["state", "submitted_at", "invitation", "updated_at"])
    activity_log(
        actor=None,
        action="surveys.response.submitted",
        obj=locked,
        meeting=survey.meeting,
        data={} if survey.anonymous else {"response": response.pk},
    )
    return response
