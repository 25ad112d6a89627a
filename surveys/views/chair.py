"""The Chair's office pages: build a survey, choose its audience, remind, and read the results."""

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from roundtables.selectors import current_meeting
from surveys import charts, exports, mail_templates, selectors, services
from surveys.answers import visible_questions
from surveys.audiences import Audience, audience_plan
from surveys.forms import (
    AnswerForm,
    AudienceForm,
    MessageForm,
    QuestionForm,
    ReminderScheduleForm,
    SectionForm,
    SurveyForm,
)
from surveys.models import Question, Reminder, Section, Survey

INVITATION_DEFAULTS = (mail_templates.INVITATION_SUBJECTS, mail_templates.INVITATION_BODIES)
REMINDER_DEFAULTS = (mail_templates.REMINDER_SUBJECTS, mail_templates.REMINDER_BODIES)


def survey_view(view):
    """Load the survey (404 for anyone who may not manage it) and read times in the meeting's zone."""

    @wraps(view)
    def wrapper(request, pk: int, *args, **kwargs):
        survey = get_object_or_404(Survey.objects.select_related("meeting"), pk=pk)
        if not request.user.has_perm("surveys.manage_survey", survey):
            raise Http404
        with timezone.override(survey.meeting.time_zone):
            return view(request, survey, *args, **kwargs)

    return wrapper


def _context(survey: Survey, tab: str, **extra) -> dict:
    return {
        "survey": survey,
        "meeting": survey.meeting,
        "tab": tab,
        "locked": services.survey_is_locked(survey),
        **extra,
    }


@permission_required("surveys.add_survey", raise_exception=True)
def survey_list(request):
    return render(request, "surveys/survey_list.html", {"surveys": selectors.surveys_for_list()})


@permission_required("surveys.add_survey", raise_exception=True)
def survey_create(request):
    meeting = current_meeting()
    if meeting is None:
        messages.warning(request, _("No meeting is current: a survey belongs to a meeting."))
        return redirect("surveys:list")
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
    return render(request, "surveys/survey_detail.html", _context(survey, "questions", sections=sections))


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
    return render(request, "surveys/section_form.html", _context(survey, "questions", form=form, section=section))


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
    return render(request, "surveys/question_form.html", _context(survey, "questions", form=form, question=question))


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


# Audience and invitations --------------------------------------------------------------------


def _plan_from(form: AudienceForm, survey: Survey):
    data = form.cleaned_data
    return audience_plan(
        survey,
        data["audience"],
        session=data.get("session"),
        delegations=data.get("delegations") or (),
        people=data.get("people") or (),
    )


@survey_view
def survey_invite(request, survey: Survey):
    """Choose the audience (the count of recipients updates as you choose), write the message,
    and put the mails in the outbox: nothing is sent from this page."""
    data = request.POST if request.method == "POST" else (request.GET if "audience" in request.GET else None)
    audience_form = AudienceForm(data, survey=survey, initial={"audience": Audience.FRIENDS})
    message_form = MessageForm(
        request.POST if request.method == "POST" else None, initial=MessageForm.initial_from(*INVITATION_DEFAULTS)
    )
    if data is None:
        plan = audience_plan(survey, Audience.FRIENDS)  # the audience chosen when the page opens
    else:
        plan = _plan_from(audience_form, survey) if audience_form.is_valid() else None
    if request.htmx and request.method == "GET":
        return render(request, "surveys/invite.html#recipient-count", {"plan": plan, "survey": survey})
    if request.method == "POST" and "put_in_outbox" in request.POST and plan is not None and message_form.is_valid():
        try:
            mailing = services.survey_invite(
                survey=survey,
                plan=plan,
                subjects=message_form.translated("subject"),
                bodies=message_form.translated("body"),
                actor=request.user,
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(count)s mails wait in the outbox. Check a few previews, then send them.")
                % {"count": plan.mail_count},
            )
            return redirect("mailings:detail", pk=mailing.pk)
    return render(
        request,
        "surveys/invite.html",
        _context(survey, "invitations", audience_form=audience_form, message_form=message_form, plan=plan),
    )


@survey_view
def invitation_list(request, survey: Survey):
    answered = request.GET.get("answered", "")
    invitations = selectors.invitations_for_list(survey, answered=answered if answered in ("yes", "no") else "")
    return render(
        request,
        "surveys/invitation_list.html",
        _context(survey, "invitations", invitations=invitations, answered=answered),
    )


@survey_view
def reminders(request, survey: Survey):
    manual_form = MessageForm(
        request.POST if request.POST.get("form") == "manual" else None,
        initial=MessageForm.initial_from(*REMINDER_DEFAULTS),
        prefix="manual",
    )
    schedule_form = ReminderScheduleForm(
        request.POST if request.POST.get("form") == "schedule" else None,
        initial=MessageForm.initial_from(*REMINDER_DEFAULTS),
        meeting=survey.meeting,
        prefix="schedule",
    )
    if request.method == "POST" and request.POST.get("form") == "manual" and manual_form.is_valid():
        try:
            mailing = services.reminder_create(
                survey=survey,
                subjects=manual_form.translated("subject"),
                bodies=manual_form.translated("body"),
                actor=request.user,
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The reminder waits in the outbox. Check it, then send it."))
            return redirect("mailings:detail", pk=mailing.pk)
    if request.method == "POST" and request.POST.get("form") == "schedule" and schedule_form.is_valid():
        try:
            services.reminder_schedule(
                survey=survey,
                send_at=schedule_form.cleaned_data["send_at"],
                subjects=schedule_form.translated("subject"),
                bodies=schedule_form.translated("body"),
                actor=request.user,
            )
        except services.SurveyError as error:
            schedule_form.add_error("send_at", str(error))
        else:
            messages.success(request, _("The reminder is scheduled."))
            return redirect("surveys:reminders", pk=survey.pk)
    pending = services.pending_recipients(survey)
    return render(
        request,
        "surveys/reminders.html",
        _context(
            survey,
            "reminders",
            manual_form=manual_form,
            schedule_form=schedule_form,
            reminder_list=selectors.reminders_of(survey),
            pending_invitations=len({invitation.pk for invitation, _person in pending}),
            pending_mails=len(pending),
        ),
    )


@survey_view
@require_POST
def reminder_cancel(request, survey: Survey, reminder_pk: int):
    reminder = get_object_or_404(Reminder, pk=reminder_pk, survey=survey)
    try:
        services.reminder_cancel(reminder=reminder, actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The scheduled reminder was cancelled."))
    return redirect("surveys:reminders", pk=survey.pk)


# Results ---------------------------------------------------------------------------------------


@survey_view
def results(request, survey: Survey):
    if not request.user.has_perm("surveys.view_results", survey):
        raise Http404
    data = selectors.survey_results(survey)
    charted = [
        (
            result,
            charts.bar_chart(result.counts, title=result.question.text, chart_id=f"chart-{result.question.pk}")
            if result.counts
            else None,
        )
        for result in data.questions
    ]
    rate_groups = [
        (_("By group"), data.by_group),
        (_("By region"), data.by_region),
        (_("By kind of delegation"), data.by_kind),
    ]
    return render(
        request,
        "surveys/results.html",
        _context(survey, "results", results=data, charted=charted, rate_groups=rate_groups),
    )


def _download(content, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _filename(survey: Survey, extension: str) -> str:
    return f"survey-{survey.pk}-{slugify(survey.title_en or survey.title)[:50]}.{extension}"


@survey_view
def export_csv(request, survey: Survey):
    if not request.user.has_perm("surveys.view_results", survey):
        raise Http404
    # A byte-order mark so that Excel reads the accents right.
    return _download(
        "\ufeff" + exports.results_csv(survey),
        content_type="text/csv; charset=utf-8",
        filename=_filename(survey, "csv"),
    )


@survey_view
def export_xlsx(request, survey: Survey):
    if not request.user.has_perm("surveys.view_results", survey):
        raise Http404
    return _download(
        exports.results_xlsx(survey),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=_filename(survey, "xlsx"),
    )
