"""The Chair's office pages that build a survey: the list, the survey, its sections and questions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from roundtables.editions import MANAGE_MEETING, chair_meeting_or_404
from surveys import selectors, services
from surveys.answers import visible_questions
from surveys.forms import AnswerForm, QuestionForm, SectionForm, SurveyForm
from surveys.models import Question, Section, Survey
from surveys.views.common import survey_context, survey_view

PER_PAGE = 50


@permission_required("surveys.add_survey", raise_exception=True)
def survey_list(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number)
    page = Paginator(selectors.surveys_for_list(meeting), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "surveys/survey_list.html", {"meeting": meeting, "page": page, "surveys": page.object_list})


@permission_required("surveys.add_survey", raise_exception=True)
def survey_create(request, number: int | None = None):
    # A survey belongs to the meeting its URL names: writing one asks the rule that changes that meeting.
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_MEETING)
    with timezone.override(meeting.time_zone):
        form = SurveyForm(request.POST or None, meeting=meeting)
        if request.method == "POST" and form.is_valid():
            survey = services.survey_create(
                meeting=meeting,
                title=form.translated("title"),
                introduction=form.translated("introduction"),
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
                anonymous=form.cleaned_data["anonymous"],
                actor=request.user,
            )
            messages.success(request, _("The survey was created. Now add its sections and questions."))
            return redirect("surveys:detail", pk=survey.pk)
        return render(request, "surveys/survey_form.html", {"form": form, "meeting": meeting, "survey": None})


@survey_view
def survey_edit(request, survey: Survey):
    form = SurveyForm(request.POST or None, meeting=survey.meeting, initial=SurveyForm.initial_from(survey))
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(
                survey=survey,
                title=form.translated("title"),
                introduction=form.translated("introduction"),
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
                anonymous=form.cleaned_data["anonymous"],
                actor=request.user,
            )
        except services.SurveyError as error:
            form.add_error("anonymous", str(error))
        else:
            messages.success(request, _("The survey was saved."))
            return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "meeting": survey.meeting, "survey": survey})


@survey_view
def survey_detail(request, survey: Survey):
    sections = selectors.survey_sections(survey)
    return render(request, "surveys/survey_detail.html", survey_context(survey, "questions", sections=sections))


@survey_view
def survey_preview(request, survey: Survey):
    sections = selectors.survey_sections(survey)
    questions = selectors.questions_in_order(sections)
    form = AnswerForm(questions=questions)
    return render(
        request,
        "surveys/respond.html",
        {
            "survey": survey,
            "grouped": form.grouped(sections),
            "form": form,
            "visible": visible_questions(questions, {}),
            "preview": True,
            "invitation": None,
        },
    )


def _section_or_404(survey: Survey, section_pk: int) -> Section:
    return get_object_or_404(Section, pk=section_pk, survey=survey)


@survey_view
def section_edit(request, survey: Survey, section_pk: int | None = None):
    section = _section_or_404(survey, section_pk) if section_pk else None
    initial = SectionForm.initial_from(section) if section else None
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_save(
                survey=survey,
                section=section,
                title=form.translated("title"),
                description=form.translated("description"),
                actor=request.user,
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The section was saved."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/section_form.html", survey_context(survey, "questions", form=form, section=section))


@survey_view
@require_POST
def section_delete(request, survey: Survey, section_pk: int):
    try:
        services.section_delete(section=_section_or_404(survey, section_pk), actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The section and its questions were deleted."))
    return redirect("surveys:detail", pk=survey.pk)


def _question_or_404(survey: Survey, question_pk: int) -> Question:
    return get_object_or_404(Question.objects.select_related("section"), pk=question_pk, section__survey=survey)


@survey_view
def question_edit(request, survey: Survey, question_pk: int | None = None):
    question = _question_or_404(survey, question_pk) if question_pk else None
    sections = selectors.survey_sections(survey)
    if not sections:
        messages.warning(request, _("Add a section first: questions are grouped in sections."))
        return redirect("surveys:section_new", pk=survey.pk)
    if question is not None:
        initial = QuestionForm.initial_from(question)
    else:
        initial = {"section": request.GET.get("section") or str(sections[-1].pk), "kind": Question.Kind.SINGLE}
    form = QuestionForm(request.POST or None, survey=survey, sections=sections, question=question, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(
                section=form.cleaned_data["section_obj"],
                question=question,
                kind=form.cleaned_data["kind"],
                text=form.translated("text"),
                help_text=form.translated("help_text"),
                required=form.cleaned_data["required"],
                options=form.option_labels(),
                show_if_question=form.cleaned_data["show_if_question"],
                show_if_value=form.cleaned_data["show_if_value"],
                actor=request.user,
            )
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The question was saved."))
            return redirect(f"{survey_url(survey)}#question-list")
    return render(
        request, "surveys/question_form.html", survey_context(survey, "questions", form=form, question=question)
    )


def survey_url(survey: Survey) -> str:
    return reverse("surveys:detail", args=[survey.pk])


@survey_view
@require_POST
def question_delete(request, survey: Survey, question_pk: int):
    try:
        services.question_delete(question=_question_or_404(survey, question_pk), actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question was deleted."))
    return redirect("surveys:detail", pk=survey.pk)


@survey_view
@require_POST
def question_move(request, survey: Survey, question_pk: int):
    question = _question_or_404(survey, question_pk)
    try:
        services.question_move(question=question, up=request.POST.get("direction") == "up", actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect(f"{survey_url(survey)}#question-{question.pk}")
