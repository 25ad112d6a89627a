"""The Chair's office overview: every session's papers by state and deadline, which sessions
are late and which have no background paper; setting the deadlines."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from papers import selectors, services
from papers.forms import DeadlineForm
from papers.models import Paper
from roundtables.models import Session
from roundtables.selectors import current_meeting


def _current_meeting_or_404():
    meeting = current_meeting()
    if meeting is None:
        raise Http404
    return meeting


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
def overview(request, deadline_form: DeadlineForm | None = None):
    meeting = current_meeting()
    state = request.GET.get("state", "")
    if state not in Paper.State.values:
        state = ""
    data = selectors.overview(meeting, state=state) if meeting else None
    if deadline_form is None and meeting is not None:
        current = data.deadline.due_at if data.deadline else None
        deadline_form = DeadlineForm(initial={"due_at": _form_value(meeting, current)})
    return render(
        request,
        "papers/overview.html",
        {"meeting": meeting, "overview": data, "state": state, "deadline_form": deadline_form},
        status=400 if deadline_form is not None and deadline_form.is_bound else 200,
    )


@permission_required("papers.set_deadline", raise_exception=True)
def meeting_deadline(request):
    meeting = _current_meeting_or_404()
    if request.method != "POST":
        return redirect("papers:overview")
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        return overview(request, deadline_form=form)
    services.deadline_set(meeting=meeting, actor=request.user, due_at=_in_meeting_time(meeting, form))
    messages.success(request, _("The paper deadline of the meeting has been saved."))
    return redirect("papers:overview")


@permission_required("papers.set_deadline", raise_exception=True)
def session_deadline(request, session_id: int):
    meeting = _current_meeting_or_404()
    session = (
        Session.objects.select_related("paper_deadline", "roundtable").filter(meeting=meeting, pk=session_id).first()
    )
    if session is None:
        raise Http404
    own = getattr(session, "paper_deadline", None)
    form = DeadlineForm(request.POST or None, initial={"due_at": _form_value(meeting, own.due_at if own else None)})
    if request.method == "POST":
        if "clear" in request.POST:
            services.deadline_clear(session=session, actor=request.user)
            messages.success(
                request, _("Session %(code)s follows the meeting's deadline again.") % {"code": session.code}
            )
            return redirect("papers:overview")
        if form.is_valid():
            services.deadline_set(
                meeting=meeting, session=session, actor=request.user, due_at=_in_meeting_time(meeting, form)
            )
            messages.success(request, _("The deadline of session %(code)s has been saved.") % {"code": session.code})
            return redirect("papers:overview")
    default = selectors.meeting_deadline(meeting)
    return render(
        request,
        "papers/session_deadline.html",
        {"meeting": meeting, "session": session, "form": form, "own": own, "default": default},
        status=400 if form.is_bound and form.errors else 200,
    )
