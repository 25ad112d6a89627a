"""The follow-up pages (part "reports"): a focal point's report form, a recommendation's reports, their
attachments, and the Chair's office's review of the earlier meetings' recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from followup.forms.reports import ReportForm, ReviewFilterForm, StatusForm, SurveyChoiceForm
from followup.models import Recommendation, ReportAttachment
from followup.permissions.reports import REVIEW_FOLLOWUP
from followup.selectors import reports as selectors
from followup.services import reports as services
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from papers.filenames import download_name
from roundtables.editions import chair_meeting_or_404

REPORTS_PER_PAGE = 20
REVIEW_PER_PAGE = 50
DOWNLOAD_CSP = "default-src 'none'; sandbox"


def _recommendation_or_404(identifier: str) -> Recommendation:
    recommendation = selectors.published_recommendation(identifier)
    if recommendation is None:
        raise Http404
    return recommendation


@login_required
def report_file(request, identifier: str):
    """A focal point files their delegation's follow-up report (anyone else: 403)."""
    recommendation = _recommendation_or_404(identifier)
    roles = selectors.reporting_roles(request.user)
    if not roles:
        raise PermissionDenied
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        roles=roles,
        initial={"language": request.LANGUAGE_CODE, "role": roles[0].pk},
    )
    if request.method == "POST" and form.is_valid():
        role = form.chosen_role
        try:
            services.followup_report_file(
                recommendation=recommendation,
                delegation=role.delegation,
                meeting=role.meeting,
                status=form.cleaned_data["status"],
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                files=form.cleaned_data["attachments"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your follow-up report for %(delegation)s is filed and public.")
                % {"delegation": role.delegation.display_name},
            )
            return redirect("followup:report_list", identifier=recommendation.identifier)
    return render(
        request,
        "followup/reports/report_form.html",
        {"recommendation": recommendation, "form": form, "roles": roles},
    )


@require_GET
def report_list(request, identifier: str):
    """Every follow-up report on a published recommendation, newest first, in pages; public."""
    recommendation = _recommendation_or_404(identifier)
    page = Paginator(selectors.reports_of(recommendation), REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "followup/reports/report_list.html",
        {
            "recommendation": recommendation,
            "meeting": recommendation.outcome.session.meeting,
            "page": page,
            "reports": page.object_list,
            "history": list(selectors.status_history(recommendation)[: selectors.FOLLOWUP_CAP * 4]),
            "can_report": bool(selectors.reporting_roles(request.user)),
        },
    )


@require_GET
def attachment_download(request, pk: int):
    """A report's document: public as the report is (its recommendation published), else 404; sent as an
    attachment a browser neither sniffs nor runs, as papers send theirs."""
    attachment = get_object_or_404(
        ReportAttachment.objects.select_related(
            "report__delegation", "report__recommendation__outcome__session__meeting"
        ),
        pk=pk,
        report__recommendation__published_at__isnull=False,
    )
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    report = attachment.report
    name = f"{report.recommendation.identifier} {report.delegation.name} {attachment.pk}"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(name, attachment.extension, replace_extension=False, fallback="report"),
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cache-Control"] = "public, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def review(request, number: int | None = None):
    """The Chair's office of meeting <number> reviews the published recommendations of its meeting and
    the earlier ones: filters, status, reports, and the choice of recommendations for a survey."""
    meeting = chair_meeting_or_404(request.user, number, perm=REVIEW_FOLLOWUP)
    meetings = list(selectors.review_meetings(meeting))
    filters = ReviewFilterForm(request.GET or None, meetings=meetings)
    recommendations = selectors.recommendations_for_review(
        meeting,
        meeting_number=filters.value("meeting"),
        theme=filters.value("theme") or "",
        status=filters.value("status") or "",
    )
    page = Paginator(recommendations, REVIEW_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "followup/reports/review.html",
        {
            "meeting": meeting,
            "filters": filters,
            "page": page,
            "recommendations": page.object_list,
            "query": query_without(request, "page"),
            "max_survey": services.MAX_SURVEY_RECOMMENDATIONS,
        },
    )


def status_change(request, number: int, pk: int):
    """The Chair's office of meeting <number> sets a recommendation's status in its follow-up."""
    meeting = chair_meeting_or_404(request.user, number, perm=REVIEW_FOLLOWUP)
    recommendation = get_object_or_404(
        Recommendation.objects.published().select_related("outcome__session__meeting"),
        pk=pk,
        outcome__session__meeting__number__lte=meeting.number,
    )
    form = StatusForm(request.POST or None, initial={"status": recommendation.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_status_set(
                recommendation,
                form.cleaned_data["status"],
                form.cleaned_data["note"],
                meeting,
                request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(identifier)s is now “%(status)s”.")
                % {
                    "identifier": recommendation.identifier,
                    "status": Recommendation.Status(form.cleaned_data["status"]).label,
                },
            )
            return redirect("followup:review", number=meeting.number)
    return render(
        request,
        "followup/reports/status_form.html",
        {
            "meeting": meeting,
            "recommendation": recommendation,
            "form": form,
            "history": list(selectors.status_history(recommendation)[: selectors.FOLLOWUP_CAP]),
        },
    )


@require_POST
def survey_create(request, number: int):
    """A follow-up survey on the recommendations chosen on the review page, prepared for the Chair's
    office to check and send through the survey's own invitation page (nothing is sent from here)."""
    meeting = chair_meeting_or_404(request.user, number, perm=REVIEW_FOLLOWUP)
    form = SurveyChoiceForm(request.POST)
    back = redirect("followup:review", number=meeting.number)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["recommendations"]))
        return back
    try:
        survey = services.followup_survey_create(
            meeting=meeting, recommendations=form.cleaned_data["recommendations"], actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    count = len(form.cleaned_data["recommendations"])
    messages.success(
        request,
        ngettext(
            "A follow-up survey on %(count)s recommendation is ready as a draft: check it, set its dates, then "
            "invite the focal points from its Invitations page (the mails wait in the outbox for review).",
            "A follow-up survey on %(count)s recommendations is ready as a draft: check it, set its dates, then "
            "invite the focal points from its Invitations page (the mails wait in the outbox for review).",
            count,
        )
        % {"count": count},
    )
    return redirect("surveys:detail", pk=survey.pk)
