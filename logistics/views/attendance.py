"""attendance: the Chair's office's live page of who came (/chair/meetings/<number>/attendance/, its counts
refreshed by htmx every few seconds), and the attendance list as XLSX (streamed; the PDF is a report,
reports.documents.attendance)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from delegations.models import Delegation
from gfmd import streaming
from gfmd.timeranges import as_zone, naive_moment
from logistics.permissions.attendance import VIEW_ATTENDANCE
from logistics.selectors import attendance as selectors
from logistics.selectors.checkin import today_of
from roundtables.editions import chair_meeting_or_404

REFRESH_SECONDS = 5


def _counts_context(meeting) -> dict:
    counts = selectors.attendance_counts(meeting)
    kind_labels = dict(Delegation.Kind.choices)
    return {
        "meeting": meeting,
        "counts": counts,
        "kinds": [kind_labels[kind] for kind in selectors.KINDS],
        "today": today_of(meeting),
        "refreshed_at": timezone.localtime(timezone.now(), as_zone(meeting.time_zone)),
        "refresh_seconds": REFRESH_SECONDS,
    }


@login_required
@require_GET
def attendance(request, number=None):
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_ATTENDANCE)
    return render(
        request, "logistics/attendance/attendance.html", {**_counts_context(meeting), "chair_section": "people"}
    )


@login_required
@require_GET
def attendance_counts(request, number: int):
    """The counts alone, for htmx's polling."""
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_ATTENDANCE)
    return render(request, "logistics/attendance/partials/counts.html", _counts_context(meeting))


def _rows(meeting):
    zone = as_zone(meeting.time_zone)
    for checkin in selectors.attendance_list(meeting).iterator(chunk_size=1000):
        registration = checkin.registration
        yield (
            checkin.day,
            registration.delegation.get_kind_display(),
            registration.delegation.display_name,
            registration.delegation.get_region_display(),
            registration.person.last_name,
            registration.person.first_name,
            registration.get_role_display(),
            naive_moment(checkin.scanned_at, zone=zone),
            checkin.get_method_display(),
        )


def _session_rows(meeting):
    zone = as_zone(meeting.time_zone)
    for visit in selectors.session_visits(meeting).iterator(chunk_size=1000):
        registration = visit.registration
        yield (
            visit.session.code,
            visit.session.title,
            registration.delegation.display_name,
            registration.person.last_name,
            registration.person.first_name,
            naive_moment(visit.scanned_at, zone=zone),
        )


@login_required
@require_GET
def attendance_export(request, number: int):
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_ATTENDANCE)
    days = streaming.Sheet(
        _("Attendance by day"),
        [
            _("Day"),
            _("Kind"),
            _("Delegation"),
            _("Region"),
            _("Last name"),
            _("First name"),
            _("Role"),
            _("Checked in at (%(zone)s)") % {"zone": meeting.time_zone},
            _("How"),
        ],
        _rows(meeting),
        widths=(12, 22, 30, 12, 20, 20, 18, 20, 14),
    )
    sessions = streaming.Sheet(
        _("Attendance by session"),
        [
            _("Session"),
            _("Title"),
            _("Delegation"),
            _("Last name"),
            _("First name"),
            _("Checked in at (%(zone)s)") % {"zone": meeting.time_zone},
        ],
        _session_rows(meeting),
        widths=(10, 40, 30, 20, 20, 20),
    )
    return streaming.xlsx_response([days, sessions], filename=f"attendance-{meeting.number}.xlsx")
