"""Clashes in a meeting's schedule: two sessions in one room at once, one person in two parallel sessions.

The session form and the services ask `session_clash_errors` / `person_clash_error` before saving (field
messages in words); the schedule page shows every clash already in the data with `meeting_clashes`.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from gfmd.timeranges import format_time_range
from roundtables.models import Meeting, Room, Session, SessionPerson


def overlap(a_start, a_end, b_start, b_end) -> bool:
    """Two time spans overlap; one ending when the other starts is no clash."""
    return a_start < b_end and b_start < a_end


def span(meeting: Meeting, starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """Like "Wed 10 Nov, 11:00-13:00" in the meeting's time zone (with the end's day when it is another day)."""
    return format_time_range(starts_at, ends_at, zone=meeting.time_zone)


def _named(session: Session) -> str:
    return f"{session.code} «{session.title}»"


# Before saving: what would clash ----------------------------------------------------------------


def room_clashes(*, meeting: Meeting, room: Room, starts_at, ends_at, exclude_pk=None) -> list[Session]:
    sessions = meeting.sessions.filter(room=room, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if exclude_pk:
        sessions = sessions.exclude(pk=exclude_pk)
    return list(sessions.order_by("starts_at", "code"))


def free_rooms(*, meeting: Meeting, starts_at, ends_at, exclude_pk=None) -> list[Room]:
    busy = meeting.sessions.filter(room__isnull=False, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if exclude_pk:
        busy = busy.exclude(pk=exclude_pk)
    return list(meeting.rooms.exclude(pk__in=busy.values("room_id")).order_by("name"))


def person_clashes(*, meeting: Meeting, person_ids, starts_at, ends_at, exclude_session_pk=None) -> list[SessionPerson]:
    """The roles these people hold in other sessions of the meeting that overlap the given time."""
    roles = SessionPerson.objects.filter(
        person_id__in=person_ids,
        session__meeting=meeting,
        session__starts_at__lt=ends_at,
        session__ends_at__gt=starts_at,
    ).select_related("person", "session")
    if exclude_session_pk:
        roles = roles.exclude(session_id=exclude_session_pk)
    return list(roles.order_by("session__starts_at", "session__code", "person__last_name"))


def session_clash_errors(
    *, meeting: Meeting, room: Room | None, starts_at, ends_at, session_pk=None
) -> dict[str, list[str]]:
    """Field messages for a session about to be saved with this room and time: {"room": [...], "starts_at": [...]}."""
    errors: dict[str, list[str]] = {}
    if not (starts_at and ends_at) or ends_at <= starts_at:
        return errors
    if room is not None:
        taken = room_clashes(meeting=meeting, room=room, starts_at=starts_at, ends_at=ends_at, exclude_pk=session_pk)
        if taken:
            message = _("%(room)s is taken at that time by %(sessions)s.") % {
                "room": room.name,
                "sessions": "; ".join(f"{_named(s)}, {span(meeting, s.starts_at, s.ends_at)}" for s in taken),
            }
            free = free_rooms(meeting=meeting, starts_at=starts_at, ends_at=ends_at, exclude_pk=session_pk)
            if free:
                message += " " + _("Free at that time: %(rooms)s.") % {"rooms": ", ".join(r.name for r in free)}
            else:
                message += " " + _("No room is free at that time: choose another time.")
            errors["room"] = [message]
    if session_pk:
        team = SessionPerson.objects.filter(session_id=session_pk).select_related("person")
        mine = {role.person_id: role for role in team}
        clashes = person_clashes(
            meeting=meeting, person_ids=list(mine), starts_at=starts_at, ends_at=ends_at, exclude_session_pk=session_pk
        )
        if clashes:
            errors["starts_at"] = [
                _("%(person)s (%(role)s here) is also %(other_role)s of %(session)s at that time (%(when)s).")
                % {
                    "person": clash.person.display_name,
                    "role": mine[clash.person_id].get_role_display().lower(),
                    "other_role": clash.get_role_display().lower(),
                    "session": _named(clash.session),
                    "when": span(meeting, clash.session.starts_at, clash.session.ends_at),
                }
                for clash in clashes
            ]
    return errors


def person_clash_error(*, session: Session, person) -> str | None:
    """A message when the person already has a role in another session at this session's time."""
    if not (session.starts_at and session.ends_at):
        return None
    clashes = person_clashes(
        meeting=session.meeting,
        person_ids=[person.pk],
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        exclude_session_pk=session.pk,
    )
    if not clashes:
        return None
    return _("%(person)s is already %(role)s of %(session)s at the same time (%(when)s).") % {
        "person": person.display_name,
        "role": clashes[0].get_role_display().lower(),
        "session": _named(clashes[0].session),
        "when": span(session.meeting, clashes[0].session.starts_at, clashes[0].session.ends_at),
    }


# The schedule page: every clash in the data -----------------------------------------------------


@dataclass
class Clash:
    kind: str  # "room" or "person"
    sessions: tuple[Session, Session]
    room: Room | None = None
    person: object | None = None
    roles: tuple[str, str] = ("", "")


@dataclass
class ScheduleGrid:
    rooms: list
    days: list[tuple[dt.date, list[list[Session]]]]
    unscheduled: list[Session]
    clashes: list[Clash]


def meeting_clashes(sessions: list[Session], roles: list[SessionPerson]) -> list[Clash]:
    timed = [s for s in sessions if s.starts_at and s.ends_at]
    clashes = []
    by_room = defaultdict(list)
    for session in timed:
        if session.room_id:
            by_room[session.room_id].append(session)
    for room_sessions in by_room.values():
        room_sessions.sort(key=lambda s: (s.starts_at, s.code))
        for i, first in enumerate(room_sessions):
            for second in room_sessions[i + 1 :]:
                if overlap(first.starts_at, first.ends_at, second.starts_at, second.ends_at):
                    clashes.append(Clash("room", (first, second), room=first.room))
    timed_by_pk = {s.pk: s for s in timed}
    by_person = defaultdict(list)
    for role in roles:
        if role.session_id in timed_by_pk:
            by_person[role.person_id].append(role)
    for person_roles in by_person.values():
        person_roles.sort(key=lambda r: (timed_by_pk[r.session_id].starts_at, timed_by_pk[r.session_id].code))
        for i, first in enumerate(person_roles):
            for second in person_roles[i + 1 :]:
                a, b = timed_by_pk[first.session_id], timed_by_pk[second.session_id]
                if a.pk != b.pk and overlap(a.starts_at, a.ends_at, b.starts_at, b.ends_at):
                    clashes.append(
                        Clash(
                            "person",
                            (a, b),
                            person=first.person,
                            roles=(first.get_role_display(), second.get_role_display()),
                        )
                    )
    return clashes


def _in_column(session: Session, room: Room | None) -> bool:
    return session.room_id is None if room is None else session.room_id == room.pk


def _on_day(session: Session, day: dt.date, zone: ZoneInfo) -> bool:
    return timezone.localtime(session.starts_at, zone).date() <= day <= timezone.localtime(session.ends_at, zone).date()


def schedule_grid(meeting: Meeting) -> ScheduleGrid:
    """Days by rooms, each cell the sessions held there that day (a session over two days shows on both),
    with every clash. Four queries whatever the size of the meeting."""
    zone = ZoneInfo(meeting.time_zone)
    rooms = list(meeting.rooms.order_by("name"))
    sessions = list(meeting.sessions.select_related("room", "roundtable").order_by("starts_at", "order", "code"))
    roles = list(SessionPerson.objects.filter(session__meeting=meeting).select_related("person"))
    clashes = meeting_clashes(sessions, roles)

    timed = [s for s in sessions if s.starts_at and s.ends_at]
    days = set()
    day = meeting.start_date
    while day <= meeting.end_date:
        days.add(day)
        day += dt.timedelta(days=1)
    for session in timed:
        first, last = (
            timezone.localtime(session.starts_at, zone).date(),
            timezone.localtime(session.ends_at, zone).date(),
        )
        while first <= last:
            days.add(first)
            first += dt.timedelta(days=1)
    columns = [*rooms, None] if any(s.room_id is None for s in timed) else rooms
    grid = []
    for day in sorted(days):
        cells = [[s for s in timed if _in_column(s, room) and _on_day(s, day, zone)] for room in columns]
        grid.append((day, cells))
    clashing: dict[int, list[str]] = defaultdict(list)
    for clash in clashes:
        a, b = clash.sessions
        for this, other in ((a, b), (b, a)):
            if clash.kind == "room":
                clashing[this.pk].append(_("same room as %(code)s") % {"code": other.code})
            else:
                clashing[this.pk].append(
                    _("%(person)s is also in %(code)s") % {"person": clash.person.display_name, "code": other.code}
                )
    for session in sessions:
        session.clash_notes = clashing.get(session.pk, [])
    return ScheduleGrid(
        rooms=columns,
        days=grid,
        unscheduled=[s for s in sessions if not (s.starts_at and s.ends_at)],
        clashes=clashes,
    )
