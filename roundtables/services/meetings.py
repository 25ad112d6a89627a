"""The meeting itself: its details, copying its structure into next year's meeting, which one is current."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from gfmd import languages
from roundtables.editions import ensure_open
from roundtables.models import Meeting, MeetingRole, Room, Roundtable, Session
from roundtables.services._common import MANAGE_MEETING, apply_fields, require_perm

TRANSLATED = tuple(languages.field_names("title", "description"))
ROOM_TRANSLATED = tuple(languages.field_names("name"))


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, fields: dict[str, Any]) -> Meeting:
    require_perm(actor, MANAGE_MEETING, meeting)
    ensure_open(meeting, actor)
    changes = apply_fields(meeting, fields, saved=Meeting.objects.get(pk=meeting.pk))
    meeting.full_clean()
    meeting.save()
    if changes:
        activity_log(
            actor=actor, action="roundtables.meeting.updated", obj=meeting, meeting=meeting, data={"changes": changes}
        )
    return meeting


def _shift(moment: dt.datetime | None, *, days: int, source_zone: ZoneInfo, target_zone: ZoneInfo):
    """The same wall-clock time `days` later, in the new meeting's time zone (a 11:00 session stays at 11:00)."""
    if moment is None:
        return None
    local = moment.astimezone(source_zone).replace(tzinfo=None) + dt.timedelta(days=days)
    return local.replace(tzinfo=target_zone)


@transaction.atomic
def meeting_copy(*, source: Meeting, actor, fields: dict[str, Any]) -> Meeting:
    """A new meeting (in preparation, not current) with the source's rooms, roundtables and sessions, the
    sessions moved by as many days as the new meeting starts later. No people, delegations or notes: the
    next chairmanship forms its own teams.

    The source is only read, so a closed meeting may be copied; the new meeting is open."""
    require_perm(actor, MANAGE_MEETING, source)
    return _copy(source=source, actor=actor, fields=fields)


def _copy(*, source: Meeting, actor, fields: dict[str, Any]) -> Meeting:
    meeting = Meeting(status=Meeting.Status.PLANNING, is_current=False, concept_paper="")
    apply_fields(meeting, fields)
    meeting.full_clean()
    meeting.save()
    days = (meeting.start_date - source.start_date).days
    source_zone, target_zone = ZoneInfo(source.time_zone), ZoneInfo(meeting.time_zone)

    rooms = {
        room.pk: Room.objects.create(
            meeting=meeting, capacity=room.capacity, **{name: getattr(room, name) for name in ROOM_TRANSLATED}
        )
        for room in source.rooms.all()
    }
    roundtables = {}
    for roundtable in source.roundtables.order_by("order", "number"):
        copy = Roundtable(meeting=meeting, number=roundtable.number, order=roundtable.order)
        for name in TRANSLATED:
            setattr(copy, name, getattr(roundtable, name))
        copy.save()
        roundtables[roundtable.pk] = copy
    sessions = []
    for session in source.sessions.order_by("starts_at", "order", "code"):
        copy = Session(
            meeting=meeting,
            roundtable=roundtables.get(session.roundtable_id),
            code=session.code,
            kind=session.kind,
            heads_only=session.heads_only,
            room=rooms.get(session.room_id),
            starts_at=_shift(session.starts_at, days=days, source_zone=source_zone, target_zone=target_zone),
            ends_at=_shift(session.ends_at, days=days, source_zone=source_zone, target_zone=target_zone),
            capacity=session.capacity,
            order=session.order,
        )
        for name in TRANSLATED:
            setattr(copy, name, getattr(session, name))
        sessions.append(copy)
    Session.objects.bulk_create(sessions)
    activity_log(
        actor=actor,
        action="roundtables.meeting.copied",
        obj=meeting,
        meeting=meeting,
        data={
            "source": source.number,
            "rooms": len(rooms),
            "roundtables": len(roundtables),
            "sessions": len(sessions),
            "days": days,
        },
    )
    return meeting


@transaction.atomic
def meeting_prepare(
    *, meeting: Meeting, actor, chair_country: str, staff_emails: list[str], fields: dict[str, Any]
) -> Meeting:
    """The handover: the current Chair's office prepares the next meeting (number + 1) for the next
    chairing government. The structure is copied (meeting_copy's), and the next Chair's own staff are
    invited by mail; the acting staff get no role on the new meeting, so they read it as its troika
    (roundtables.permissions) and never write it. Logged on both meetings."""
    from roundtables.services.staff import MEETING_STAFF_INVITATION_VALIDITY, _invite

    require_perm(actor, "roundtables.prepare_next_meeting", meeting)
    errors = {}
    if not chair_country:
        errors["chair_country"] = _("Name the government that chairs the next meeting.")
    emails = list(dict.fromkeys(e.strip().lower() for e in staff_emails if e and e.strip()))
    if not emails:
        errors["staff_emails"] = _("Invite at least one officer of the next Chair's office.")
    if int(fields.get("number") or 0) != meeting.number + 1:
        errors["number"] = _("The next meeting is number %(number)s.") % {"number": meeting.number + 1}
    if errors:
        raise ValidationError(errors)
    new = _copy(source=meeting, actor=actor, fields={**fields, "chair_country": chair_country})
    for email in emails:
        _invite(
            meeting=new,
            actor=actor,
            email=email,
            role=MeetingRole.Role.CHAIR_STAFF,
            valid_for=MEETING_STAFF_INVITATION_VALIDITY,
        )
    activity_log(
        actor=actor,
        action="roundtables.meeting.prepared",
        obj=new,
        meeting=meeting,
        data={"next": new.number, "chair_country": str(chair_country), "invited": emails},
    )
    return new


@transaction.atomic
def meeting_make_current(*, meeting: Meeting, actor) -> Meeting:
    """The chairmanship hands over: this meeting becomes the current one (exactly one is). A closed
    meeting's work is over: it never becomes current again (the meeting stepping down is never closed,
    roundtables.services.closing)."""
    require_perm(actor, MANAGE_MEETING, meeting)
    ensure_open(meeting, actor)
    previous = Meeting.objects.select_for_update().filter(is_current=True).exclude(pk=meeting.pk).first()
    if previous is not None:
        Meeting.objects.filter(pk=previous.pk).update(is_current=False)
    Meeting.objects.filter(pk=meeting.pk).update(is_current=True)
    meeting.is_current = True
    activity_log(
        actor=actor,
        action="roundtables.meeting.made_current",
        obj=meeting,
        meeting=meeting,
        data={"previous": previous.number if previous else None},
    )
    return meeting
