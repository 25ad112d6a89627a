"""The Chair's office pages that reach people: the audience and invitations, the reminders."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mailings.templates import starting_texts
from surveys import selectors, services
from surveys.audiences import Audience, audience_plan
from surveys.forms import AudienceForm, MessageForm, ReminderScheduleForm
from surveys.models import Reminder, Survey
from surveys.views.common import survey_context, survey_view


def _plan_from(form: AudienceForm, survey: Survey):
    data = form.cleaned_data
    return audience_plan(
        survey,
        data["audience"],
        session=data.get("session"),
        delegations=data.get("delegations") or (),
        people=data.get("people") or (),
    )


INVITATIONS_PER_PAGE = 100


@survey_view
def survey_invite(request, survey: Survey):
    """Choose the audience (the count of recipients updates as you choose), write the message,
    and put the mails in the outbox: nothing is sent from this page."""
    data = request.POST if request.method == "POST" else (request.GET if "audience" in request.GET else None)
    audience_form = AudienceForm(data, survey=survey, initial={"audience": Audience.FRIENDS})
    message_form = MessageForm(
        request.POST if request.method == "POST" else None,
        initial=MessageForm.initial_from(*starting_texts("surveys.invitation")),
    )
    if data is None:
        plan = audience_plan(survey, Audience.FRIENDS)  # the audience chosen when the page opens
    else:
        plan = _plan_from(audience_form, survey) if audience_form.is_valid() else None
    # Read before the mails are written: who would see English where the survey is not translated.
    warnings = selectors.reader_language_warnings(survey, plan.readers) if plan else []
    if request.htmx and request.method == "GET":
        return render(
            request,
            "surveys/invite.html#recipient-count",
            {
                "plan": plan,
                "survey": survey,
                "translation_warnings": warnings,
                "locked": services.survey_is_locked(survey) if warnings else False,
            },
        )
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
                ngettext(
                    "%(count)s mail waits in the outbox. Check its preview, then send it.",
                    "%(count)s mails wait in the outbox. Check a few previews, then send them.",
                    plan.mail_count,
                )
                % {"count": plan.mail_count},
            )
            return redirect("mailings:detail", pk=mailing.pk)
    return render(
        request,
        "surveys/invite.html",
        survey_context(
            survey,
            "invitations",
            audience_form=audience_form,
            message_form=message_form,
            plan=plan,
            translation_warnings=warnings,
        ),
    )


@survey_view
def invitation_list(request, survey: Survey):
    answered = request.GET.get("answered", "")
    answered = answered if answered in ("yes", "no") else ""
    invitations = selectors.invitations_for_list(survey, answered=answered)
    page = Paginator(invitations, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/invitation_list.html",
        survey_context(
            survey,
            "invitations",
            invitations=selectors.with_mail_counts(survey, page.object_list),
            page=page,
            answered=answered,
            query=f"answered={answered}" if answered else "",
        ),
    )


@survey_view
def reminders(request, survey: Survey):
    manual_form = MessageForm(
        request.POST if request.POST.get("form") == "manual" else None,
        initial=MessageForm.initial_from(*starting_texts("surveys.reminder")),
        prefix="manual",
    )
    schedule_form = ReminderScheduleForm(
        request.POST if request.POST.get("form") == "schedule" else None,
        initial=MessageForm.initial_from(*starting_texts("surveys.reminder")),
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
        survey_context(
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
