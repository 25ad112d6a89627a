"""The recipient's page, opened by the personal link from the mail (no account needed).

Every link that does not open an invitation answers the same 404 page, whatever the reason: a
mistyped or invented token, a link of an invitation already answered (unless this browser just
submitted it, and is told so). Answers are saved as the recipient goes and submitted once.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from delegations.models import FocalPoint
from surveys import selectors, services
from surveys.answers import visible_questions
from surveys.forms import AnswerForm
from surveys.models import Invitation, Survey

SUBMITTED_IN_THIS_BROWSER = "surveys_submitted"


def _private(response):
    # The address holds a secret: never cached, never indexed. (It never leaves the site as a Referer
    # either: the portal's Referrer-Policy is same-origin. "no-referrer" would make the browser send
    # "Origin: null" with the form, which Django's CSRF check rightly refuses.)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _not_found(request):
    return _private(render(request, "surveys/link_not_found.html", status=404))


def _language(request, invitation: Invitation) -> str:
    """The language the visitor chose with the switcher, else the invited person's."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in dict(settings.LANGUAGES):
        return chosen
    person = invitation.person
    if person is None:
        focal_point = (
            FocalPoint.objects.filter(delegation=invitation.delegation_id, meeting=invitation.survey.meeting_id)
            .select_related("user")
            .order_by("user__last_name", "user__pk")
            .first()
        )
        person = focal_point.user if focal_point else None
    return person.preferred_language if person else translation.get_language()


def _done(request, invitation: Invitation, *, refused: str = ""):
    return _private(
        render(
            request,
            "surveys/respond_done.html",
            {"survey": invitation.survey, "invitation": invitation, "refused": refused},
            status=409 if refused else 200,
        )
    )


@never_cache
def respond(request, token: str):
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        return _not_found(request)
    if invitation.submitted_at is not None:
        if invitation.pk not in request.session.get(SUBMITTED_IN_THIS_BROWSER, []):
            return _not_found(request)
        refused = _("Your answers were already submitted. A second submission is refused.")
        return _done(request, invitation, refused=refused if request.method == "POST" else "")
    survey = invitation.survey
    language = _language(request, invitation)
    with translation.override(language), timezone.override(survey.meeting.time_zone):
        response = _respond(request, token, invitation, survey)
    response.headers.setdefault("Content-Language", language)
    return response


def _remember_submitted(request, invitation: Invitation) -> None:
    submitted = request.session.get(SUBMITTED_IN_THIS_BROWSER, [])
    request.session[SUBMITTED_IN_THIS_BROWSER] = [*submitted, invitation.pk]


def _respond(request, token: str, invitation: Invitation, survey: Survey):
    status = survey.status()
    if status != Survey.Status.OPEN:
        return _private(
            render(
                request,
                "surveys/respond_closed.html",
                {"survey": survey, "invitation": invitation, "status": status},
                status=410 if status == Survey.Status.CLOSED else 200,
            )
        )
    sections = selectors.survey_sections(survey)
    questions = selectors.questions_in_order(sections)
    saved_at = None
    if request.method != "POST":
        values = selectors.draft_values(invitation)
        form = AnswerForm(questions=questions, initial=AnswerForm.initial_for(questions, values))
    else:
        form = AnswerForm(request.POST, questions=questions)
        form.is_valid()
        action = request.POST.get("action", "save")
        try:
            # Whatever happens next, what was typed and is valid is kept.
            services.response_save(invitation=invitation, questions=questions, values=form.values())
            saved_at = timezone.now()
            if action == "submit" and not form.errors:
                services.response_submit(invitation=invitation, questions=questions, values=form.values())
                _remember_submitted(request, invitation)
                return redirect("surveys:respond", token=token)
        except services.ResponseAlreadySubmitted as error:
            _remember_submitted(request, invitation)
            return _done(request, Invitation.objects.get(pk=invitation.pk), refused=str(error))
        except services.ResponseIncomplete as error:
            for question in error.missing:
                form.add_error(question.field_name, _("This question needs an answer before you submit."))
        except services.SurveyError as error:
            form.add_error(None, str(error))
        if request.htmx:
            return _private(render(request, "surveys/respond.html#save-status", {"saved_at": saved_at, "form": form}))
        if action == "save" and not form.errors:
            messages.success(
                request,
                _("Your answers are saved. You can come back with the link from your mail to finish them."),
            )
            return redirect("surveys:respond", token=token)
        values = selectors.draft_values(invitation)
    return _private(
        render(
            request,
            "surveys/respond.html",
            {
                "survey": survey,
                "invitation": invitation,
                "grouped": form.grouped(sections),
                "form": form,
                "visible": visible_questions(questions, values),
                "saved_at": saved_at,
                "preview": False,
            },
            status=200 if not form.errors else 422,
        )
    )
