"""The Chair's office overview: every session's papers by state and deadline, which sessions
are late and which have no background paper; setting the deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from papers import selectors, services
from papers.forms import DeadlineForm
from papers.models import Paper
from roundtables.editions import chair_meeting_or_404
from roundtables.models import Session

# The overview's table of papers by state: a meeting's roundtables hold a few papers per session.
PAPERS_PER_PAGE = 50


def _overview_url(meeting) -> str:
    return reverse("papers:overview", kwargs={"number": meeting.number})


def _in_meeting_time(meeting, form: DeadlineForm):
    """The form's naive date and time, read in the meeting's time zone."""
    import zoneinfo

    due = form.cleaned_data["due_at"]
    zone = zoneinfo.ZoneInfo(meeting.time_zone or "UTC")
    if timezone.is_aware(due):
        due = timezone.make_naive(due, timezone.get_current_timezone())
    return due.replace(tzinfo=zone)


def _form_value(meeting, due_at):
    if due_at is None:
        return None
    import zoneinfo

    return timezone.localtime(due_at, zoneinfo.ZoneInfo(meeting.time_zone or "UTC")).replace(tzinfo=None)


@permission_required("papers.view_overview", raise_exception=True)
def overview(request, number: int | None = None, deadline_form: DeadlineForm | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm="papers.view_overview")
    return _overview_page(request, meeting, deadline_form)


def _overview_page(request, meeting, deadline_form: DeadlineForm | None = None):
    state = request.GET.get("state", "")
    if state not in Paper.State.values:
        state = ""
    data = selectors.overview(meeting, state=state)
    page = Paginator(data.papers, PAPERS_PER_PAGE).get_page(request.GET.get("page"))
    if deadline_form is None:
        current = data.deadline.due_at if data.deadline else None
        deadline_form = DeadlineForm(initial={"due_at": _form_value(meeting, current)})
    return render(
        request,
        "papers/overview.html",
        {
            "meeting": meeting,
            "overview": data,
            "state": state,
            "page": page,
            "papers": data.with_lateness(page.object_list),
            "query": urlencode({"state": state}) if state else "",
            "deadline_form": deadline_form,
        },
        status=400 if deadline_form is not None and deadline_form.is_bound else 200,
    )


@permission_required("papers.set_deadline", raise_exception=True)
def meeting_deadline(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm="papers.set_deadline")
    if request.method != "POST":
        return redirect(_overview_url(meeting))
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        return _overview_page(request, meeting, deadline_form=form)
    services.deadline_set(meeting=meeting, actor=request.user, due_at=_in_meeting_time(meeting, form))
    messages.success(request, _("The paper deadline of the meeting has been saved."))
    return redirect(_overview_url(meeting))


@permission_required("papers.set_deadline", raise_exception=True)
def session_deadline(request, session_id: int):
    """A session's own deadline: the session names its meeting, whose overview the page leads back to."""
    session = Session.objects.select_related("paper_deadline", "roundtable", "meeting").filter(pk=session_id).first()
    if session is None:
        raise Http404
    meeting = session.meeting
    if not request.user.has_perm("papers.set_deadline", meeting):
        raise PermissionDenied
    own = getattr(session, "paper_deadline", None)
    form = DeadlineForm(request.POST or None, initial={"due_at": _form_value(meeting, own.due_at if own else None)})
    if request.method == "POST":
        if "clear" in request.POST:
            services.deadline_clear(session=session, actor=request.user)
            messages.success(
                request, _("Session %(code)s follows the meeting's deadline again.") % {"code": session.code}
            )
            return redirect(_overview_url(meeting))
        if form.is_valid():
            services.deadline_set(
                meeting=meeting, session=session, actor=request.user, due_at=_in_meeting_time(meeting, form)
            )
            messages.success(request, _("The deadline of session %(code)s has been saved.") % {"code": session.code})
            return redirect(_overview_url(meeting))
    default = selectors.meeting_deadline(meeting)
    return render(
        request,
        "papers/session_deadline.html",
        {"meeting": meeting, "session": session, "form": form, "own": own, "default": default},
        status=400 if form.is_bound and form.errors else 200,
    )
