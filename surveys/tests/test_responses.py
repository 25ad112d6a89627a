import datetime as dt

import pytest
from django.utils import timezone

from surveys.models import Answer, Invitation, Response
from surveys.services import (
    ResponseAlreadySubmitted,
    ResponseIncomplete,
    SurveyError,
    response_save,
    response_submit,
)
from surveys.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def _ordered(questions):
    return [questions[name] for name in ("theme", "coherence", "which", "scale", "comments")]


def test_answers_are_saved_as_a_draft_and_changed_later(survey, questions):
    invitation = InvitationFactory(survey=survey)
    agree = questions["theme"].options.get(label_en="Agree")
    response_save(invitation=invitation, questions=_ordered(questions), values={questions["theme"].pk: agree.pk})
    response_save(invitation=invitation, questions=_ordered(questions), values={questions["scale"].pk: 4})
    response_save(invitation=invitation, questions=_ordered(questions), values={questions["scale"].pk: None})

    response = Response.objects.get()
    assert (response.state, response.invitation) == (Response.State.DRAFT, invitation)
    assert list(response.answers.values_list("question", "value")) == [(questions["theme"].pk, agree.pk)]


def test_submission_refuses_a_required_question_left_empty_and_keeps_the_draft(survey, questions):
    invitation = InvitationFactory(survey=survey)
    response_save(invitation=invitation, questions=_ordered(questions), values={questions["comments"].pk: "Draft"})
    with pytest.raises(ResponseIncomplete) as refused:
        response_submit(invitation=invitation, questions=_ordered(questions), values={})
    assert refused.value.missing == [questions["coherence"]]
    invitation.refresh_from_db()
    assert invitation.submitted_at is None
    assert Answer.objects.get().value == "Draft"


def test_a_question_hidden_by_its_condition_is_not_required_and_its_answer_is_dropped(survey, questions):
    invitation = InvitationFactory(survey=survey)
    values = {questions["coherence"].pk: False, questions["which"].pk: "Typed before answering no"}
    response = response_submit(invitation=invitation, questions=_ordered(questions), values=values)
    assert list(response.answers.values_list("question", "value")) == [(questions["coherence"].pk, False)]


def test_a_question_shown_by_its_condition_is_required(survey, questions):
    invitation = InvitationFactory(survey=survey)
    with pytest.raises(ResponseIncomplete) as refused:
        response_submit(invitation=invitation, questions=_ordered(questions), values={questions["coherence"].pk: True})
    assert refused.value.missing == [questions["which"]]


def test_a_second_submission_is_refused(survey, questions):
    invitation = InvitationFactory(survey=survey)
    values = {questions["coherence"].pk: False}
    response_submit(invitation=invitation, questions=_ordered(questions), values=values)
    with pytest.raises(ResponseAlreadySubmitted):
        response_submit(invitation=invitation, questions=_ordered(questions), values={questions["coherence"].pk: True})
    with pytest.raises(ResponseAlreadySubmitted):
        response_save(invitation=invitation, questions=_ordered(questions), values={questions["comments"].pk: "Late"})
    assert list(Answer.objects.values_list("value", flat=True)) == [False]


def test_anonymous_submission_cuts_the_answers_from_the_invitation(survey, questions):
    survey.anonymous = True
    survey.save()
    invitation = InvitationFactory(survey=survey)
    response_save(invitation=invitation, questions=_ordered(questions), values={questions["comments"].pk: "Candid"})

    response = response_submit(
        invitation=invitation, questions=_ordered(questions), values={questions["coherence"].pk: False}
    )

    response.refresh_from_db()
    invitation.refresh_from_db()
    assert invitation.submitted_at is not None  # who responded is known
    assert response.invitation is None  # what they answered is not tied to them
    assert (response.submitted_at.hour, response.submitted_at.minute, response.submitted_at.second) == (12, 0, 0)
    assert response.updated_at == response.submitted_at
    assert Response.objects.filter(invitation=invitation).count() == 0


def test_answers_cannot_be_saved_once_the_survey_has_closed(survey, questions):
    invitation = InvitationFactory(survey=survey)
    survey.closes_at = timezone.now() - dt.timedelta(minutes=1)
    survey.opens_at = survey.closes_at - dt.timedelta(days=10)
    survey.save()
    with pytest.raises(SurveyError):
        response_save(invitation=invitation, questions=_ordered(questions), values={questions["comments"].pk: "x"})
    assert Invitation.objects.get().submitted_at is None
