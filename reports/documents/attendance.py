"""The attendance list of a meeting (logistics' check-in, issue 21): who came, day by day, by delegation
kind and delegation, with the counts per day and per session; for the meeting's Chair's office only
(contains personal data). Read through logistics' selectors (logistics sits below reports).

Also the report of the proceedings' annex "Attendance": the delegations present at each session whose
door was scanned (`attendance_annex`, attached in reports.documents.outcomes like the recommendations')."""

from itertools import groupby

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from logistics.models import CheckIn
from logistics.permissions.attendance import VIEW_ATTENDANCE
from logistics.selectors.attendance import (
    KINDS,
    AttendanceAnnex,
    attendance_counts,
    attendance_list,
    delegations_present_by_session,
)
from reports.documents.common import clean_meeting, load_meeting, meeting_filename, meeting_of, render_document
from reports.registry import Offer, Part, Renderer, register


def attendance_annex(meeting) -> AttendanceAnnex:
    return delegations_present_by_session(meeting)


def can_access(user, params) -> bool:
    meeting = meeting_of(params)
    return meeting is not None and user.has_perm(VIEW_ATTENDANCE, meeting)


def unavailable(params: dict) -> str | None:
    if not CheckIn.objects.filter(meeting_id=params.get("meeting")).exists():
        return gettext("Nobody has been checked in at this meeting yet.")
    return None


def _days(meeting):
    """[(day, [(kind label, [check-ins])])] in print order."""
    kind_labels = dict(Delegation.Kind.choices)
    rank = {kind: index for index, kind in enumerate(KINDS)}
    days = []
    for day, checkins in groupby(attendance_list(meeting).iterator(chunk_size=1000), key=lambda c: c.day):
        rows = sorted(
            checkins,
            key=lambda c: (
                rank.get(c.registration.delegation.kind, 9),
                c.registration.delegation.display_name.lower(),
                c.registration.person.last_name.lower(),
            ),
        )
        groups = [
            (kind_labels.get(kind, kind), list(group))
            for kind, group in groupby(rows, key=lambda c: c.registration.delegation.kind)
        ]
        days.append((day, len(rows), groups))
    return days


def build(params: dict):
    meeting = load_meeting(params)
    kind_labels = dict(Delegation.Kind.choices)
    yield Part(
        render_document(
            "reports/attendance.html",
            {
                "meeting": meeting,
                "counts": attendance_counts(meeting),
                "kinds": [kind_labels[kind] for kind in KINDS],
                "days": _days(meeting),
            },
        )
    )


def title(params: dict) -> str:
    meeting = meeting_of(params)
    return gettext("Attendance list") + (f" · {meeting.title}" if meeting else "")


def offers(meeting, user) -> list[Offer]:
    if not user.has_perm(VIEW_ATTENDANCE, meeting):
        return []
    return [
        Offer(
            kind="attendance",
            label=_("Attendance list"),
            description=_("Who came, day by day, with the counts per day and per session, for the Chair's office."),
            params={"meeting": meeting.pk},
            restricted=True,
        )
    ]


register(
    Renderer(
        kind="attendance",
        label=_("Attendance list"),
        description=_("Who came, day by day."),
        can_access=can_access,
        build=build,
        filename=lambda params: meeting_filename(params, "attendance"),
        clean_params=clean_meeting,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=37,
    )
)
