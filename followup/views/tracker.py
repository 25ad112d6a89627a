"""The public tracker (part "tracker"): published recommendations by theme and status, across meetings and
per meeting, with a chart, filters, the list in pages and its CSV export; and the Chair's office's page
that links a session to the earlier recommendations it builds on."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from followup.models import Addressee, Recommendation, Theme
from followup.permissions import tracker as tracker_rules
from followup.selectors import tracker as selectors
from followup.services.tracker import session_recommendation_link, session_recommendation_unlink
from gfmd import charts
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from gfmd.streaming import csv_response
from roundtables.models import Meeting, Session

PER_PAGE = 25
EXPORT_CHUNK = 500


# -- The public tracker --------------------------------------------------------------------------


class TrackerFilterForm(forms.Form):
    """The tracker's filters, all optional; a value that is not one of the choices is ignored."""

    meeting = forms.ModelChoiceField(
        label=gettext_lazy("Meeting"),
        queryset=Meeting.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=gettext_lazy("All meetings"),
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.order_by("order", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("All themes"),
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    addressee = forms.ChoiceField(label=gettext_lazy("Addressed to"), required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *Recommendation.Status.choices]
        self.fields["addressee"].choices = [("", _("Everyone")), *Addressee.choices]
        if meeting is None:
            self.fields["meeting"].queryset = selectors.meetings_with_recommendations()
        else:
            del self.fields["meeting"]  # the page is the meeting's own

    def filters(self, meeting) -> selectors.TrackerFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else getattr(self, "cleaned_data", {})
        return selectors.TrackerFilters(
            meeting=meeting or data.get("meeting"),
            theme=data.get("theme"),
            status=data.get("status") or None,
            addressee=data.get("addressee") or None,
        )


def _public_meeting(number: int) -> Meeting:
    # A meeting the Chair's office still prepares has no public record yet.
    return get_object_or_404(Meeting.objects.exclude(status=Meeting.Status.PLANNING), number=number)


def _filters(request, meeting):
    params = request.GET.copy()
    params.pop("page", None)
    form = TrackerFilterForm(params or None, meeting=meeting)
    return form, form.filters(meeting)


@require_GET
def tracker(request):
    number = request.GET.get("meeting", "")
    if number.isdigit() and Meeting.objects.exclude(status=Meeting.Status.PLANNING).filter(number=number).exists():
        # A meeting's tracker has its own address: the filter leads there, keeping the others.
        params = request.GET.copy()
        for key in ("meeting", "page", *[key for key, value in request.GET.items() if not value]):
            params.pop(key, None)
        url = reverse("followup:meeting_tracker", kwargs={"number": int(number)})
        return redirect(f"{url}?{params.urlencode()}" if params else url)
    return _tracker_page(request, meeting=None)


@require_GET
def meeting_tracker(request, number: int):
    return _tracker_page(request, meeting=_public_meeting(number))


def _tracker_page(request, *, meeting):
    form, filters = _filters(request, meeting)
    counts = selectors.tracker_counts(filters)
    page = Paginator(selectors.tracker_list(filters), PER_PAGE).get_page(request.GET.get("page"))
    recommendations = selectors.with_reading(page.object_list, get_language())
    base_url = (
        reverse("followup:meeting_tracker", kwargs={"number": meeting.number})
        if meeting
        else reverse("followup:tracker")
    )
    export_url = (
        reverse("followup:meeting_tracker_export", kwargs={"number": meeting.number})
        if meeting
        else reverse("followup:tracker_export")
    )
    query = query_without(request)
    return render(
        request,
        "followup/tracker/tracker.html",
        {
            "meeting": meeting,
            "form": form,
            "filters": filters,
            "counts": counts,
            "status_chart": charts.bar_chart(
                counts.by_status,
                title=_("Recommendations by status"),
                chart_id="chart-status",
                css_class="tracker-chart",
            )
            if counts.total
            else None,
            "theme_chart": charts.bar_chart(
                counts.by_theme, title=_("Recommendations by theme"), chart_id="chart-theme", css_class="tracker-chart"
            )
            if counts.by_theme
            else None,
            "page": page,
            "recommendations": recommendations,
            "query": query,
            "tracker_url": base_url,
            "export_url": f"{export_url}?{query}" if query else export_url,
            "filtered": filters.active or (meeting is None and filters.meeting is not None),
        },
    )


def _export_rows(filters, language: str):
    rows = selectors.tracker_list(filters).prefetch_related("themes").iterator(chunk_size=EXPORT_CHUNK)
    for recommendation in rows:
        reading = selectors.reading_text(recommendation, language)
        session = recommendation.outcome.session
        changed = recommendation.status_changed_at or recommendation.published_at
        yield [
            recommendation.identifier,
            session.meeting.title,
            session.code,
            session.title,
            reading.text,
            reading.language,
            recommendation.get_status_display(),
            changed.date().isoformat() if changed else "",
            "; ".join(selectors.addressee_labels(recommendation)),
            "; ".join(theme.name for theme in recommendation.themes.all()),
            recommendation.report_count,
            recommendation.latest_report_delegation or "",
            recommendation.latest_report_at.date().isoformat() if recommendation.latest_report_at else "",
            settings.SITE_URL + recommendation.get_absolute_url(),
        ]


def _export(request, meeting):
    _form, filters = _filters(request, meeting)
    header = [
        _("Identifier"),
        _("Meeting"),
        _("Session"),
        _("Session title"),
        _("Recommendation"),
        _("Language of the text"),
        _("Status"),
        _("Status changed"),
        _("Addressed to"),
        _("Themes"),
        _("Follow-up reports"),
        _("Latest report by"),
        _("Latest report on"),
        _("Address"),
    ]
    name = f"gfmd-{meeting.number}-recommendations.csv" if meeting else "gfmd-recommendations.csv"
    return csv_response(header, _export_rows(filters, get_language()), filename=name)


@require_GET
def tracker_export(request):
    return _export(request, None)


@require_GET
def meeting_tracker_export(request, number: int):
    return _export(request, _public_meeting(number))


# -- The Chair's office: what a session builds on ------------------------------------------------


class LinkForm(forms.Form):
    recommendation = forms.IntegerField(
        label=gettext_lazy("Recommendation"),
        error_messages={"required": gettext_lazy("Choose a recommendation in the list.")},
    )


def _chair_session(request, number: int, pk: int) -> Session:
    meeting = get_object_or_404(Meeting, number=number)
    session = get_object_or_404(Session.objects.select_related("meeting", "roundtable"), pk=pk, meeting=meeting)
    if not request.user.has_perm(tracker_rules.LINK_WHO, session):
        raise PermissionDenied
    return session


def _builds_on_page(request, session, *, form=None):
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()
    return render(
        request,
        "followup/tracker/builds_on.html",
        {
            "meeting": session.meeting,
            "chair_section": "structure",
            "session": session,
            "links": selectors.with_reading_links(selectors.session_links(session), get_language()),
            "form": form or LinkForm(),
            "search": selectors.linkable_recommendations(session, query, get_language()),
            "may_link": request.user.has_perm(tracker_rules.LINK, session),
        },
    )


def session_builds_on(request, number: int, pk: int):
    session = _chair_session(request, number, pk)
    if request.method != "POST":
        return _builds_on_page(request, session)
    form = LinkForm(request.POST)
    if form.is_valid():
        recommendation = (
            Recommendation.objects.select_related("outcome__session__meeting")
            .filter(pk=form.cleaned_data["recommendation"])
            .first()
        )
        if recommendation is None:
            form.add_error("recommendation", _("Choose a recommendation in the list."))
        else:
            try:
                session_recommendation_link(session=session, recommendation=recommendation, actor=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Session %(code)s now builds on %(identifier)s.")
                    % {"code": session.code, "identifier": recommendation.identifier},
                )
                return redirect("followup:session_builds_on", number=number, pk=session.pk)
    return _builds_on_page(request, session, form=form)


@require_POST
def session_builds_on_remove(request, number: int, pk: int, recommendation: int):
    session = _chair_session(request, number, pk)
    linked = get_object_or_404(Recommendation.objects.select_related("outcome__session__meeting"), pk=recommendation)
    try:
        removed = session_recommendation_unlink(session=session, recommendation=linked, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if removed:
            messages.success(
                request,
                _("Session %(code)s no longer builds on %(identifier)s.")
                % {"code": session.code, "identifier": linked.identifier},
            )
    return redirect("followup:session_builds_on", number=number, pk=session.pk)
