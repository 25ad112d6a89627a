"""checkin: the door page (/checkin/, /meetings/<number>/checkin/), its scan endpoint (JSON, answered at
once), the name suggestions (htmx), and the Chair's office's page naming the meeting's check-in staff
(/chair/meetings/<number>/checkin/staff/)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gfmd.forms import add_service_errors
from gfmd.timeranges import as_zone
from logistics.forms.checkin import CheckinStaffNameForm, ScanForm
from logistics.permissions.checkin import CHECKIN_AT_DOOR, MANAGE_CHECKIN_STAFF
from logistics.selectors import checkin as selectors
from logistics.services import checkin as services
from roundtables.editions import chair_meeting_or_404, may_write, meeting_or_404
from roundtables.models import MeetingRole, Session
from roundtables.services import meeting_role_name, meeting_role_revoke

PAGE_SIZE = 50


def _door_meeting(request, number):
    """The meeting of a door page: 404 for anyone who is not its check-in staff or Chair's office (the
    page does not tell strangers that it exists)."""
    meeting = meeting_or_404(number)
    if not request.user.has_perm(CHECKIN_AT_DOOR, meeting):
        raise Http404
    return meeting


@login_required
@require_GET
def checkin_door(request, number=None):
    meeting = _door_meeting(request, number)
    today = selectors.today_of(meeting)
    sessions = list(selectors.sessions_of_day(meeting, today)) if selectors.is_meeting_day(meeting) else []
    return render(
        request,
        "logistics/checkin/door.html",
        {
            "meeting": meeting,
            "today": today,
            "meeting_day": selectors.is_meeting_day(meeting),
            "writable": may_write(meeting, request.user),
            "sessions": sessions,
            "can_see_attendance": request.user.has_perm("logistics.view_attendance", meeting),
        },
    )


def _local_time(meeting, moment) -> str:
    if moment is None:
        return ""
    return formats.time_format(timezone.localtime(moment, as_zone(meeting.time_zone)), "H:i")


def _answer(meeting, result: services.ScanResult, scan_id) -> dict:
    registration = result.registration
    titles = {
        services.WELCOME: _("Welcome"),
        services.ALREADY_IN: _("Already in today") if result.session is None else _("Already in this session"),
        services.NOT_VALID: _("Not valid"),
        services.WITHDRAWN: _("Badge withdrawn"),
        services.OTHER_MEETING: _("Badge of another meeting"),
    }
    details = {
        services.WELCOME: "",
        services.ALREADY_IN: _("First checked in at %(time)s.")
        % {"time": _local_time(meeting, result.first_scanned_at)},
        services.NOT_VALID: _("This code is not a badge of the portal. Nothing was recorded."),
        services.WITHDRAWN: _("This badge's registration is no longer approved. Nothing was recorded."),
        services.OTHER_MEETING: _("This badge is for another meeting. Nothing was recorded."),
    }
    answer = {
        "outcome": result.outcome,
        "colour": {services.WELCOME: "success", services.ALREADY_IN: "warning"}.get(result.outcome, "danger"),
        "title": str(titles[result.outcome]),
        "detail": str(details[result.outcome]),
        "scan_id": str(scan_id) if scan_id else "",
        "time": _local_time(meeting, result.first_scanned_at),
    }
    if registration is not None and result.outcome in (services.WELCOME, services.ALREADY_IN):
        answer.update(
            {
                "name": registration.person.display_name,
                "delegation": registration.delegation.display_name,
                "role": str(registration.get_role_display()),
            }
        )
    if result.session is not None:
        answer["session"] = f"{result.session.code} · {result.session.title}"
    return answer


@login_required
@require_POST
def checkin_scan(request, number=None):
    """One scan: JSON in (or a form), JSON out, at once. 400 with a message for what the door must fix
    (a time far from now, a session of another day); a forged code is a 200 "not valid" (nothing recorded)."""
    meeting = _door_meeting(request, number)
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return JsonResponse({"outcome": "error", "message": _("The scan could not be read.")}, status=400)
        data = {key: "" if value is None else str(value) for key, value in data.items()}
    else:
        data = request.POST
    form = ScanForm(data)
    if not form.is_valid():
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return JsonResponse({"outcome": "error", "message": message}, status=400)
    cleaned = form.cleaned_data
    session = None
    if cleaned["session"]:
        session = Session.objects.filter(pk=cleaned["session"], meeting=meeting).first()
        if session is None:
            return JsonResponse(
                {"outcome": "error", "message": _("This session is not one of this meeting's.")}, status=400
            )
    try:
        result = services.checkin_scan(
            meeting=meeting,
            actor=request.user,
            value=cleaned["value"],
            registration_id=cleaned["registration"],
            scan_id=cleaned["scan_id"],
            scanned_at=cleaned["scanned_at"],
            session=session,
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return JsonResponse({"outcome": "error", "message": " ".join(error.messages)}, status=400)
    return JsonResponse(_answer(meeting, result, cleaned["scan_id"]))


@login_required
@require_GET
def checkin_names(request, number=None):
    """The door's suggestions as one types a name (htmx): at most 10 approved registrations of the meeting."""
    meeting = _door_meeting(request, number)
    typed = request.GET.get("q", "")[:100]
    return render(
        request,
        "logistics/checkin/partials/names.html",
        {
            "meeting": meeting,
            "registrations": selectors.registrations_named(meeting, typed),
            "typed": typed,
            "enough": len("".join(typed.split())) >= selectors.MIN_TYPED,
        },
    )


# -- The Chair's office names the meeting's check-in staff ---------------------------------------------


def _staff_url(meeting) -> str:
    return reverse("logistics:checkin_staff", kwargs={"number": meeting.number})


def _staff_page(request, meeting, form=None):
    roles = (
        MeetingRole.objects.active()
        .filter(meeting=meeting, role=MeetingRole.Role.CHECKIN_STAFF)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email", "pk")
    )
    page = Paginator(roles, PAGE_SIZE).get_page(request.GET.get("page"))
    form = form or CheckinStaffNameForm()
    return render(
        request,
        "logistics/checkin/staff.html",
        {
            "meeting": meeting,
            "chair_section": "people",
            "page": page,
            "form": form,
            "writable": may_write(meeting, request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def checkin_staff(request, number=None):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_CHECKIN_STAFF)
    form = CheckinStaffNameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["user"]
        try:
            meeting_role_name(meeting=meeting, user=user, role=MeetingRole.Role.CHECKIN_STAFF, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now check-in staff of %(meeting)s.")
                % {"name": user.display_name, "meeting": meeting.title},
            )
            return redirect(_staff_url(meeting))
    return _staff_page(request, meeting, form if request.method == "POST" else None)


@login_required
@require_POST
def checkin_staff_revoke(request, number: int, pk: int):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_CHECKIN_STAFF)
    role = get_object_or_404(
        MeetingRole.objects.active().select_related("user", "meeting"),
        pk=pk,
        meeting=meeting,
        role=MeetingRole.Role.CHECKIN_STAFF,
    )
    try:
        meeting_role_revoke(role=role, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer check-in staff of %(meeting)s.")
            % {"name": role.user.display_name, "meeting": meeting.title},
        )
    return redirect(_staff_url(meeting))
