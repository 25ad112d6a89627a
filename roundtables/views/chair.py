"""The Chair's office: the meeting's dashboard, its roundtables and sessions."""

from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from roundtables import services
from roundtables.editions import MANAGE_MEETING, VIEW_MEETING_RECORDS
from roundtables.forms import RoundtableForm, SessionForm
from roundtables.models import Meeting, Roundtable, Session
from roundtables.selectors import (
    sessions_with_team_status,
    structure_other_sessions,
    structure_position,
    structure_roundtables,
    team_gaps,
)
from roundtables.views._helpers import chair_meeting_required, meeting_or_404, meeting_time

DASHBOARD_PER_PAGE = 50
# The structure page: roundtables a page (each with all its sessions, a handful), and sessions outside any.
ROUNDTABLES_PER_PAGE = 10
OTHER_SESSIONS_PER_PAGE = 50


def structure_url(meeting: Meeting, *, roundtable: Roundtable | None = None, session: Session | None = None) -> str:
    """The meeting's structure page, at the page and the anchor of this roundtable or session."""
    url = reverse("roundtables:structure", kwargs={"number": meeting.number})
    if session is not None and session.roundtable_id is not None:
        roundtable = Roundtable(pk=session.roundtable_id)
        anchor = f"session-{session.pk}"
    elif session is not None:
        page = structure_position(session=session) // OTHER_SESSIONS_PER_PAGE + 1
        return f"{url}?others={page}#session-{session.pk}" if page > 1 else f"{url}#session-{session.pk}"
    elif roundtable is not None:
        anchor = f"rt-{roundtable.pk}"
    else:
        return url
    page = structure_position(roundtable=roundtable) // ROUNDTABLES_PER_PAGE + 1
    return f"{url}?page={page}#{anchor}" if page > 1 else f"{url}#{anchor}"


def _chair_context(meeting: Meeting, section: str, **extra) -> dict:
    return {"meeting": meeting, "chair_section": section, **extra}


def chair_dashboard(request, number: int | None = None):
    """The Chair's office control room: every session and what its team still lacks. A meeting's dashboard
    is open to whoever reads its records (an outgoing Chair whose meeting is closed keeps its own); the
    one without a number to a Chair's office of an open meeting, or support."""
    if number is None:
        if not request.user.has_perm("roundtables.view_chair_dashboard"):
            raise PermissionDenied
        # The current meeting, or (for a Chair's office that cannot read it) the newest meeting it runs.
        meeting = Meeting.objects.current()
        if meeting is None or not request.user.has_perm(VIEW_MEETING_RECORDS, meeting):
            meeting = next(
                (m for m in Meeting.objects.order_by("-number") if request.user.has_perm(MANAGE_MEETING, m)), None
            )
    else:
        meeting = meeting_or_404(number)
        if not request.user.has_perm(VIEW_MEETING_RECORDS, meeting):
            raise PermissionDenied
    paginator = Paginator(sessions_with_team_status(meeting) if meeting else Session.objects.none(), DASHBOARD_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "roundtables/chair_dashboard.html",
        {
            "meeting": meeting,
            "chair_section": "dashboard",
            "can_manage": meeting is not None and request.user.has_perm(MANAGE_MEETING, meeting),
            "page": page,
            "sessions": page.object_list,
            # Counted in SQL over every session, not over the page: session_count, lacking_co_chairs...
            **(asdict(team_gaps(meeting)) if meeting else {}),
        },
    )


@chair_meeting_required()
def structure(request, number: int | None = None):
    """The meeting's roundtables and sessions, to add, edit, reorder and delete."""
    meeting = meeting_or_404(number)
    roundtables = Paginator(structure_roundtables(meeting), ROUNDTABLES_PER_PAGE).get_page(request.GET.get("page"))
    others = Paginator(structure_other_sessions(meeting), OTHER_SESSIONS_PER_PAGE).get_page(request.GET.get("others"))
    with meeting_time(meeting):
        return render(
            request,
            "roundtables/chair/structure.html",
            _chair_context(
                meeting,
                "structure",
                roundtables=roundtables,
                other_sessions=others,
                roundtables_query=query_without(request, "page"),
                others_query=query_without(request, "others"),
            ),
        )


# Roundtables ------------------------------------------------------------------------------------


@chair_meeting_required(write=True)
def roundtable_create(request, number: int | None = None):
    meeting = meeting_or_404(number)
    form = RoundtableForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            roundtable = services.roundtable_create(meeting=meeting, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Roundtable %(number)s was added.") % {"number": roundtable.number})
            return redirect(structure_url(meeting, roundtable=roundtable))
    return render(request, "roundtables/chair/roundtable_form.html", _chair_context(meeting, "structure", form=form))


@chair_meeting_required(Roundtable, write=True)
def roundtable_edit(request, pk: int):
    roundtable = get_object_or_404(Roundtable.objects.select_related("meeting"), pk=pk)
    meeting = roundtable.meeting
    form = RoundtableForm(request.POST or None, instance=roundtable, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.roundtable_update(roundtable=roundtable, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Roundtable %(number)s was saved.") % {"number": roundtable.number})
            return redirect(structure_url(meeting, roundtable=roundtable))
    return render(
        request,
        "roundtables/chair/roundtable_form.html",
        _chair_context(meeting, "structure", form=form, roundtable=roundtable),
    )


@chair_meeting_required(Roundtable, write=True)
def roundtable_delete(request, pk: int):
    roundtable = get_object_or_404(Roundtable.objects.select_related("meeting"), pk=pk)
    meeting = roundtable.meeting
    if request.method == "POST":
        number = roundtable.number
        services.roundtable_delete(roundtable=roundtable, actor=request.user)
        messages.success(request, _("Roundtable %(number)s and its sessions were deleted.") % {"number": number})
        return redirect(structure_url(meeting))
    sessions = list(roundtable.sessions.order_by("order", "code"))
    return render(
        request,
        "roundtables/chair/confirm_delete.html",
        _chair_context(meeting, "structure", object=roundtable, sessions=sessions, is_roundtable=True),
    )


@chair_meeting_required(Roundtable, write=True)
@require_POST
def roundtable_move(request, pk: int):
    roundtable = get_object_or_404(Roundtable.objects.select_related("meeting"), pk=pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.roundtable_move(roundtable=roundtable, actor=request.user, direction=direction)
    return redirect(structure_url(roundtable.meeting, roundtable=roundtable))


# Sessions ---------------------------------------------------------------------------------------


def _session_form_page(request, form, meeting, session=None):
    return render(
        request,
        "roundtables/chair/session_form.html",
        _chair_context(meeting, "structure", form=form, session=session),
    )


@chair_meeting_required(write=True)
def session_create(request, number: int | None = None):
    meeting = meeting_or_404(number)
    with meeting_time(meeting):
        initial = {}
        roundtable = meeting.roundtables.filter(pk=request.GET.get("roundtable") or 0).first()
        if roundtable is not None:
            count = roundtable.sessions.count()
            initial = {"roundtable": roundtable, "code": f"{roundtable.number}.{count + 1}"}
        form = SessionForm(request.POST or None, meeting=meeting, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                session = services.session_create(meeting=meeting, actor=request.user, fields=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Session %(code)s was added. Now form its team.") % {"code": session.code},
                )
                return redirect("roundtables:session_team", pk=session.pk)
        return _session_form_page(request, form, meeting)


@chair_meeting_required(Session, write=True)
def session_edit(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("meeting"), pk=pk)
    meeting = session.meeting
    with meeting_time(meeting):
        form = SessionForm(request.POST or None, instance=session, meeting=meeting)
        if request.method == "POST" and form.is_valid():
            try:
                services.session_update(session=session, actor=request.user, fields=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Session %(code)s was saved.") % {"code": session.code})
                return redirect(structure_url(meeting, session=session))
        return _session_form_page(request, form, meeting, session)


@chair_meeting_required(Session, write=True)
def session_delete(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("meeting", "roundtable"), pk=pk)
    meeting = session.meeting
    if request.method == "POST":
        code = session.code
        services.session_delete(session=session, actor=request.user)
        messages.success(request, _("Session %(code)s was deleted.") % {"code": code})
        return redirect(structure_url(meeting))
    return render(
        request,
        "roundtables/chair/confirm_delete.html",
        _chair_context(meeting, "structure", object=session),
    )


@chair_meeting_required(Session, write=True)
@require_POST
def session_move(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("meeting"), pk=pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.session_move(session=session, actor=request.user, direction=direction)
    return redirect(structure_url(session.meeting, session=session))
