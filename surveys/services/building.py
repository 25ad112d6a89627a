"""Building a survey: the survey, its sections, questions and options.

The questions are locked once the first invitation is written: answers must keep meaning what
they meant when they were given."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from activity.services import activity_log
from gfmd import languages
from roundtables.editions import ensure_open
from surveys.answers import condition_choices
from surveys.models import Option, Question, Section, Survey
from surveys.permissions import has_no_invitations
from surveys.services.invitations import SurveyError, require


def survey_is_locked(survey: Survey) -> bool:
    # The predicate of surveys.change_questions, which the services below check.
    return not has_no_invitations.test(None, survey)


def _check_unlocked(survey: Survey, actor) -> None:
    ensure_open(survey.meeting, actor)  # a closed meeting's surveys are its record
    require(
        actor,
        "surveys.change_questions",
        survey,
        _("Invitations have been sent: the questions can no longer be changed."),
    )


def _set_translated(obj, name: str, values: dict[str, str]) -> None:
    for language in languages.CODES:
        setattr(obj, f"{name}_{language}", values.get(language, "") or "")


@transaction.atomic
def survey_create(*, meeting, title: dict, introduction: dict, opens_at, closes_at, anonymous: bool, actor) -> Survey:
    require(actor, "surveys.add_survey", meeting)
    ensure_open(meeting, actor)
    survey = Survey(meeting=meeting, opens_at=opens_at, closes_at=closes_at, anonymous=anonymous, created_by=actor)
    _set_translated(survey, "title", title)
    _set_translated(survey, "introduction", introduction)
    survey.save()
    activity_log(actor=actor, action="surveys.survey.created", obj=survey, meeting=meeting)
    return survey


@transaction.atomic
def survey_update(
    *, survey: Survey, title: dict, introduction: dict, opens_at, closes_at, anonymous: bool, actor
) -> Survey:
    require(actor, "surveys.manage_survey", survey)
    ensure_open(survey.meeting, actor)
    if anonymous != survey.anonymous and survey.responses.filter(state="submitted").exists():
        raise SurveyError(_("Responses have been submitted: the survey can no longer change its anonymity."))
    _set_translated(survey, "title", title)
    _set_translated(survey, "introduction", introduction)
    survey.opens_at, survey.closes_at, survey.anonymous = opens_at, closes_at, anonymous
    survey.save()
    activity_log(actor=actor, action="surveys.survey.updated", obj=survey, meeting=survey.meeting)
    return survey


@transaction.atomic
def section_save(*, survey: Survey, section: Section | None, title: dict, description: dict, actor) -> Section:
    _check_unlocked(survey, actor)
    if section is None:
        order = (survey.sections.aggregate(top=Max("order"))["top"] or 0) + 1
        section = Section(survey=survey, order=order)
    _set_translated(section, "title", title)
    _set_translated(section, "description", description)
    section.save()
    activity_log(actor=actor, action="surveys.section.saved", obj=survey, meeting=survey.meeting)
    return section


@transaction.atomic
def section_delete(*, section: Section, actor) -> None:
    survey = section.survey
    _check_unlocked(survey, actor)
    if Question.objects.filter(show_if_question__section=section).exclude(section=section).exists():
        raise SurveyError(_("A question in another section depends on this section's answers."))
    section.delete()
    activity_log(actor=actor, action="surveys.section.deleted", obj=survey, meeting=survey.meeting)


def _position(question: Question) -> tuple:
    return (question.section.order, question.section_id, question.order, question.pk or 10**12)


def _check_condition(question: Question, source: Question | None, value: str) -> None:
    if source is None:
        return
    if source.section.survey_id != question.section.survey_id or _position(source) >= _position(question):
        raise SurveyError(_("A question can depend only on an earlier question."))
    if value not in dict(condition_choices(source)):
        raise SurveyError(_("Choose one of the answers of the earlier question."))


@transaction.atomic
def question_save(
    *,
    section: Section,
    question: Question | None,
    kind: str,
    text: dict,
    help_text: dict,
    required: bool,
    options: list[dict],
    show_if_question: Question | None,
    show_if_value: str,
    actor,
) -> Question:
    """Create or change a question; `options` is one {"en":..., "fr":..., "es":...} per option, in order."""
    survey = section.survey
    _check_unlocked(survey, actor)
    if question is None:
        order = (section.questions.aggregate(top=Max("order"))["top"] or 0) + 1
        question = Question(section=section, order=order)
    elif question.section_id != section.pk:
        question.section = section
        question.order = (section.questions.aggregate(top=Max("order"))["top"] or 0) + 1
    if kind in Question.CHOICE_KINDS and len(options) < 2:
        raise SurveyError(_("A choice question needs at least two options."))
    _check_condition(question, show_if_question, show_if_value)
    question.kind = kind
    question.required = required
    question.show_if_question = show_if_question
    question.show_if_value = show_if_value if show_if_question else ""
    _set_translated(question, "text", text)
    _set_translated(question, "help_text", help_text)
    question.save()
    if kind in Question.CHOICE_KINDS:
        _replace_options(question, options)
    else:
        question.options.all().delete()
    activity_log(actor=actor, action="surveys.question.saved", obj=survey, meeting=survey.meeting)
    return question


def _replace_options(question: Question, labels: list[dict]) -> None:
    """Keep the options in place (their ids are what conditions and answers point to); add or
    remove at the end."""
    existing = list(question.options.order_by("order", "pk"))
    for index, values in enumerate(labels):
        option = existing[index] if index < len(existing) else Option(question=question)
        option.order = index + 1
        _set_translated(option, "label", values)
        option.save()
    removed = [option.pk for option in existing[len(labels) :]]
    if removed:
        Question.objects.filter(show_if_question=question, show_if_value__in=[str(pk) for pk in removed]).update(
            show_if_question=None, show_if_value=""
        )
        Option.objects.filter(pk__in=removed).delete()


@transaction.atomic
def question_delete(*, question: Question, actor) -> None:
    survey = question.section.survey
    _check_unlocked(survey, actor)
    if question.dependent_questions.exists():
        raise SurveyError(_("A later question depends on this one's answer; change that question first."))
    question.delete()
    activity_log(actor=actor, action="surveys.question.deleted", obj=survey, meeting=survey.meeting)


@transaction.atomic
def question_move(*, question: Question, up: bool, actor) -> None:
    """Swap a question with its neighbour in its section, unless a condition would then point forward."""
    survey = question.section.survey
    _check_unlocked(survey, actor)
    siblings = list(question.section.questions.order_by("order", "pk"))
    index = siblings.index(question)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    other = siblings[other_index]
    first, second = (other, question) if up else (question, other)
    if second.show_if_question_id == first.pk:
        raise SurveyError(_("This question depends on the one next to it and must stay after it."))
    siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])
    activity_log(actor=actor, action="surveys.question.moved", obj=survey, meeting=survey.meeting)
