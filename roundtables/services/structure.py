"""Create, edit, reorder and delete roundtables and sessions (the Chair's office)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from activity.services import activity_log
from gfmd import languages
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Room, Roundtable, Session
from roundtables.schedule import session_clash_errors
from roundtables.services._common import MANAGE_MEETING, Direction, apply_fields, move_among, require_perm


def _next_order(queryset) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1


def _lock_meeting(meeting: Meeting, actor) -> None:
    """Refuse a change to a closed meeting (ensure_open), then serialise the changes of one meeting's
    structure and schedule (a row lock on PostgreSQL)."""
    ensure_open(meeting, actor)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()


# Rooms ------------------------------------------------------------------------------------------


def _room_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A translation left empty is stored as NULL: a room's name is unique per meeting in each language
    (a constraint per language), and two rooms without a French name must not clash on ""."""
    return {
        name: (None if name in languages.field_names("name") and not (value or "").strip() else value)
        for name, value in fields.items()
    }


@transaction.atomic
def room_create(*, meeting: Meeting, actor, fields: dict[str, Any]) -> Room:
    require_perm(actor, MANAGE_MEETING, meeting)
    _lock_meeting(meeting, actor)
    room = Room(meeting=meeting)
    apply_fields(room, _room_fields(fields))
    room.full_clean()
    room.save()
    activity_log(actor=actor, action="roundtables.room.created", obj=room, meeting=meeting, data={"name": room.name_en})
    return room


@transaction.atomic
def room_update(*, room: Room, actor, fields: dict[str, Any]) -> Room:
    """A room's names and seats. The published programme keeps the names it was published with until the
    Chair's office publishes again."""
    require_perm(actor, MANAGE_MEETING, room)
    _lock_meeting(room.meeting, actor)
    changes = apply_fields(room, _room_fields(fields), saved=Room.objects.get(pk=room.pk))
    room.full_clean()
    room.save()
    if changes:
        activity_log(
            actor=actor, action="roundtables.room.updated", obj=room, meeting=room.meeting, data={"changes": changes}
        )
    return room


# Roundtables ------------------------------------------------------------------------------------


@transaction.atomic
def roundtable_create(*, meeting: Meeting, actor, fields: dict[str, Any]) -> Roundtable:
    require_perm(actor, MANAGE_MEETING, meeting)
    _lock_meeting(meeting, actor)
    roundtable = Roundtable(meeting=meeting, order=_next_order(meeting.roundtables.all()))
    apply_fields(roundtable, fields)
    roundtable.full_clean()
    roundtable.save()
    activity_log(
        actor=actor,
        action="roundtables.roundtable.created",
        obj=roundtable,
        meeting=meeting,
        data={"number": roundtable.number},
    )
    return roundtable


@transaction.atomic
def roundtable_update(*, roundtable: Roundtable, actor, fields: dict[str, Any]) -> Roundtable:
    require_perm(actor, MANAGE_MEETING, roundtable)
    _lock_meeting(roundtable.meeting, actor)
    changes = apply_fields(roundtable, fields, saved=Roundtable.objects.get(pk=roundtable.pk))
    roundtable.full_clean()
    roundtable.save()
    if changes:
        activity_log(
            actor=actor,
            action="roundtables.roundtable.updated",
            obj=roundtable,
            meeting=roundtable.meeting,
            data={"changes": changes},
        )
    return roundtable


@transaction.atomic
def roundtable_delete(*, roundtable: Roundtable, actor) -> None:
    """Delete the roundtable and its sessions (their teams go with them)."""
    require_perm(actor, MANAGE_MEETING, roundtable)
    meeting = roundtable.meeting
    _lock_meeting(meeting, actor)
    codes = list(roundtable.sessions.order_by("order", "code").values_list("code", flat=True))
    activity_log(
        actor=actor,
        action="roundtables.roundtable.deleted",
        obj=roundtable,
        meeting=meeting,
        data={"number": roundtable.number, "sessions": codes},
    )
    roundtable.delete()


@transaction.atomic
def roundtable_move(*, roundtable: Roundtable, actor, direction: Direction) -> bool:
    require_perm(actor, MANAGE_MEETING, roundtable)
    meeting = roundtable.meeting
    _lock_meeting(meeting, actor)
    siblings = list(meeting.roundtables.order_by("order", "number", "pk"))
    if not move_among(siblings, roundtable, direction):
        return False
    Roundtable.objects.bulk_update(siblings, ["order"])
    activity_log(
        actor=actor,
        action="roundtables.roundtable.moved",
        obj=roundtable,
        meeting=meeting,
        data={"direction": direction, "order": [rt.number for rt in siblings]},
    )
    return True


# Sessions ---------------------------------------------------------------------------------------


def _session_siblings(session: Session):
    return Session.objects.filter(meeting_id=session.meeting_id, roundtable_id=session.roundtable_id)


def _validate_session(session: Session) -> None:
    """The model's own rules (code unique in the meeting, end after start) and the schedule's (no clash
    of rooms or people). The form has already checked them with field messages; this, under the
    meeting's lock, catches what another person changed in between."""
    session.full_clean()
    clashes = session_clash_errors(
        meeting=session.meeting,
        room=session.room,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        session_pk=session.pk,
    )
    if clashes:
        raise ValidationError(clashes)


@transaction.atomic
def session_create(*, meeting: Meeting, actor, fields: dict[str, Any]) -> Session:
    require_perm(actor, MANAGE_MEETING, meeting)
    _lock_meeting(meeting, actor)
    session = Session(meeting=meeting)
    apply_fields(session, fields)
    if session.roundtable is not None and session.roundtable.meeting_id != meeting.pk:
        raise ValidationError({"roundtable": "The roundtable belongs to another meeting."})
    session.order = _next_order(_session_siblings(session))
    _validate_session(session)
    session.save()
    activity_log(
        actor=actor,
        action="roundtables.session.created",
        obj=session,
        meeting=meeting,
        data={"code": session.code},
    )
    return session


@transaction.atomic
def session_update(*, session: Session, actor, fields: dict[str, Any]) -> Session:
    require_perm(actor, MANAGE_MEETING, session)
    _lock_meeting(session.meeting, actor)
    saved = Session.objects.get(pk=session.pk)
    changes = apply_fields(session, fields, saved=saved)
    if session.roundtable_id != saved.roundtable_id:
        session.order = _next_order(_session_siblings(session).exclude(pk=session.pk))
    _validate_session(session)
    session.save()
    if changes:
        activity_log(
            actor=actor,
            action="roundtables.session.updated",
            obj=session,
            meeting=session.meeting,
            data={"changes": changes},
        )
    return session


@transaction.atomic
def session_delete(*, session: Session, actor) -> None:
    require_perm(actor, MANAGE_MEETING, session)
    meeting = session.meeting
    _lock_meeting(meeting, actor)
    activity_log(
        actor=actor,
        action="roundtables.session.deleted",
        obj=session,
        meeting=meeting,
        data={"code": session.code},
    )
    session.delete()


@transaction.atomic
def session_move(*, session: Session, actor, direction: Direction) -> bool:
    """Move a session up or down among the sessions of its roundtable (or among those outside any)."""
    require_perm(actor, MANAGE_MEETING, session)
    _lock_meeting(session.meeting, actor)
    siblings = list(_session_siblings(session).order_by("order", "code", "pk"))
    if not move_among(siblings, session, direction):
        return False
    Session.objects.bulk_update(siblings, ["order"])
    activity_log(
        actor=actor,
        action="roundtables.session.moved",
        obj=session,
        meeting=session.meeting,
        data={"direction": direction, "order": [s.code for s in siblings]},
    )
    return True
