"""side_events: every write of a side event, one function per transition. Each locks the side event (and,
to accept, the room), checks the rule (PermissionDenied for the wrong person, ValidationError for the wrong
state), validates, saves, logs and queues the proposer's mail in one transaction."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from activity.services import activity_log
from gfmd import languages
from logistics.models import SideEvent, SideEventRegistration
from logistics.permissions.side_events import WHO
from logistics.selectors.side_events import proposing_delegation, side_events_in_room
from mailings.services import send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Room
from roundtables.schedule import free_rooms, room_clashes, span

MAX_ATTENDANCE = 5000
MAX_REASON = 2000


@dataclass
class SideEventInput:
    """What the proposer writes. `texts` by field and language: {"title": {"en": ...}, "description": {...}}."""

    texts: dict[str, dict[str, str]]
    language: str
    organisers: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    expected_attendance: int
    needs_interpretation: bool = False
    needs_av: bool = False
    room_capacity: int | None = None
    registration_capacity: int | None = None


def _check(actor, perm: str, obj, message: str) -> None:
    """The rule on the (locked) object: 403 for the wrong person, the message for the wrong state."""
    if actor is not None and actor.has_perm(perm, obj):
        return
    if actor is None or not WHO[perm](actor, obj):
        raise PermissionDenied
    raise ValidationError(message, code="wrong_state")


def _state_message(side_event: SideEvent) -> str:
    return _("This side event is “%(status)s”: it cannot be changed this way now.") % {
        "status": side_event.get_status_display()
    }


def time_errors(meeting: Meeting, starts_at, ends_at) -> dict[str, list[str]]:
    """The time must end after it starts and lie within the meeting's dates (in the meeting's zone)."""
    errors: dict[str, list[str]] = {}
    if starts_at is None:
        errors["starts_at"] = [_("Give the start.")]
    if ends_at is None:
        errors["ends_at"] = [_("Give the end.")]
    if errors:
        return errors
    if ends_at <= starts_at:
        return {"ends_at": [_("The side event must end after it starts.")]}
    zone = ZoneInfo(meeting.time_zone)
    window = _("The meeting runs from %(start)s to %(end)s (%(zone)s time): choose a time within those days.") % {
        "start": date_format(meeting.start_date, "DATE_FORMAT"),
        "end": date_format(meeting.end_date, "DATE_FORMAT"),
        "zone": meeting.city,
    }
    if not meeting.start_date <= timezone.localtime(starts_at, zone).date() <= meeting.end_date:
        errors["starts_at"] = [window]
    if not meeting.start_date <= timezone.localtime(ends_at, zone).date() <= meeting.end_date:
        errors["ends_at"] = [window]
    return errors


def _validate(meeting: Meeting, data: SideEventInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    if data.language not in languages.CODES:
        add("language", _("Choose one of the Forum's working languages."))
    else:
        for name, label in (("title", _("title")), ("description", _("description"))):
            if not (data.texts.get(name, {}).get(data.language) or "").strip():
                add(
                    f"{name}_{data.language}",
                    _("Write the %(field)s in the language you chose (%(language)s).")
                    % {"field": label, "language": languages.NAMES[data.language]},
                )
    if not (data.organisers or "").strip():
        add("organisers", _("Name the organisers."))
    if data.expected_attendance is None or not 1 <= data.expected_attendance <= MAX_ATTENDANCE:
        add("expected_attendance", _("Give a number of people between 1 and %(n)s.") % {"n": MAX_ATTENDANCE})
    for name in ("room_capacity", "registration_capacity"):
        value = getattr(data, name)
        if value is not None and not 1 <= value <= MAX_ATTENDANCE:
            add(name, _("Give a number between 1 and %(n)s, or leave it empty.") % {"n": MAX_ATTENDANCE})
    for name, messages in time_errors(meeting, data.starts_at, data.ends_at).items():
        for message in messages:
            add(name, message)
    return errors


def _write(side_event: SideEvent, data: SideEventInput) -> None:
    for name in ("title", "description"):
        for code in languages.CODES:
            setattr(side_event, f"{name}_{code}", (data.texts.get(name, {}).get(code) or "").strip())
    side_event.language = data.language
    side_event.organisers = data.organisers.strip()
    side_event.starts_at = data.starts_at
    side_event.ends_at = data.ends_at
    side_event.expected_attendance = data.expected_attendance
    side_event.needs_interpretation = bool(data.needs_interpretation)
    side_event.needs_av = bool(data.needs_av)
    side_event.room_capacity = data.room_capacity
    side_event.registration_capacity = data.registration_capacity


def _mine_url(meeting: Meeting) -> str:
    from django.conf import settings

    return settings.SITE_URL.rstrip("/") + reverse("logistics:side_events_mine", kwargs={"number": meeting.number})


def _mail(key: str, side_event: SideEvent, **extra) -> None:
    meeting = side_event.meeting
    send_to_people(
        f"logistics.{key}",
        [side_event.proposed_by],
        context=lambda person: {
            "title": side_event.title,
            "meeting": meeting.title,
            "when": span(meeting, side_event.starts_at, side_event.ends_at),
            "room": side_event.room.name if side_event.room_id else "",
            "url": _mine_url(meeting),
            **extra,
        },
    )


@transaction.atomic
def side_event_propose(*, meeting: Meeting, actor, data: SideEventInput) -> SideEvent:
    """A focal point, or an approved participant of an organisation, proposes a side event."""
    ensure_open(meeting, actor)
    if not actor.has_perm("logistics.propose_side_event", meeting):
        raise PermissionDenied
    errors = _validate(meeting, data)
    if errors:
        raise ValidationError(errors)
    side_event = SideEvent(meeting=meeting, delegation=proposing_delegation(actor, meeting), proposed_by=actor)
    _write(side_event, data)
    side_event.save()
    activity_log(actor=actor, action="logistics.side_event.proposed", obj=side_event, meeting=meeting)
    return side_event


def _locked(side_event: SideEvent) -> SideEvent:
    return SideEvent.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=side_event.pk)


@transaction.atomic
def side_event_withdraw(*, side_event: SideEvent, actor) -> SideEvent:
    ensure_open(side_event.meeting, actor)
    side_event = _locked(side_event)
    _check(actor, "logistics.withdraw_side_event", side_event, _state_message(side_event))
    side_event.status = SideEvent.Status.WITHDRAWN
    side_event.save(update_fields=["status", "updated_at"])
    side_event.registrations.all().delete()
    activity_log(actor=actor, action="logistics.side_event.withdrawn", obj=side_event, meeting=side_event.meeting)
    return side_event


def room_errors(*, meeting: Meeting, room: Room | None, starts_at, ends_at, side_event: SideEvent) -> list[str]:
    """Why the room cannot take the side event at that time: another meeting's room, too small, or taken by
    a session or another accepted side event (roundtables.schedule's rule: touching ends are no clash)."""
    if room is None or room.meeting_id != meeting.pk:
        return [_("Choose one of this meeting's rooms.")]
    messages = []
    if room.capacity and side_event.room_capacity and room.capacity < side_event.room_capacity:
        messages.append(
            _("%(room)s seats %(seats)s; the side event needs %(needed)s.")
            % {"room": room.name, "seats": room.capacity, "needed": side_event.room_capacity}
        )
    sessions = room_clashes(meeting=meeting, room=room, starts_at=starts_at, ends_at=ends_at)
    events = side_events_in_room(
        meeting=meeting, room=room, starts_at=starts_at, ends_at=ends_at, exclude_pk=side_event.pk
    )
    if sessions or events:
        taken = [
            _("session %(code)s «%(title)s», %(when)s")
            % {"code": s.code, "title": s.title, "when": span(meeting, s.starts_at, s.ends_at)}
            for s in sessions
        ] + [
            _("side event «%(title)s», %(when)s") % {"title": e.title, "when": span(meeting, e.starts_at, e.ends_at)}
            for e in events
        ]
        message = _("%(room)s is taken at that time by %(what)s.") % {"room": room.name, "what": "; ".join(taken)}
        busy = set(
            SideEvent.objects.accepted()
            .filter(meeting=meeting, starts_at__lt=ends_at, ends_at__gt=starts_at)
            .exclude(pk=side_event.pk)
            .values_list("room_id", flat=True)
        )
        free = [r for r in free_rooms(meeting=meeting, starts_at=starts_at, ends_at=ends_at) if r.pk not in busy]
        if free:
            message += " " + _("Free at that time: %(rooms)s.") % {"rooms": ", ".join(r.name for r in free)}
        else:
            message += " " + _("No room is free at that time: choose another time.")
        messages.append(message)
    return messages


@transaction.atomic
def side_event_accept(*, side_event: SideEvent, actor, room: Room | None, starts_at=None, ends_at=None) -> SideEvent:
    """The Chair's office accepts a proposed side event (or moves an accepted one) into a room and a time
    (the proposed time unless given). The room's row is locked before its clashes are read, so two
    acceptances into the same room and time cannot both win."""
    ensure_open(side_event.meeting, actor)
    side_event = _locked(side_event)
    _check(actor, "logistics.accept_side_event", side_event, _state_message(side_event))
    meeting = side_event.meeting
    starts_at = starts_at or side_event.starts_at
    ends_at = ends_at or side_event.ends_at
    errors = time_errors(meeting, starts_at, ends_at)
    if errors:
        raise ValidationError(errors)
    if room is not None:
        room = Room.objects.select_for_update().filter(pk=room.pk, meeting=meeting).first()
    problems = room_errors(meeting=meeting, room=room, starts_at=starts_at, ends_at=ends_at, side_event=side_event)
    if problems:
        raise ValidationError({"room": problems})
    moved = side_event.status == SideEvent.Status.ACCEPTED
    now = timezone.now()
    side_event.status = SideEvent.Status.ACCEPTED
    side_event.room = room
    side_event.starts_at, side_event.ends_at = starts_at, ends_at
    side_event.decided_by, side_event.decided_at = actor, now
    side_event.decision_reason = ""
    side_event.accepted_at = side_event.accepted_at or now
    side_event.save()
    activity_log(
        actor=actor,
        action="logistics.side_event.moved" if moved else "logistics.side_event.accepted",
        obj=side_event,
        meeting=meeting,
        data={"room": room.name, "when": span(meeting, starts_at, ends_at)},
    )
    _mail("side_events_accepted", side_event)
    return side_event


@transaction.atomic
def side_event_decline(*, side_event: SideEvent, actor, reason: str) -> SideEvent:
    ensure_open(side_event.meeting, actor)
    side_event = _locked(side_event)
    _check(actor, "logistics.decline_side_event", side_event, _state_message(side_event))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why: the proposer reads it.")]})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": [_("At most %(n)s characters.") % {"n": MAX_REASON}]})
    side_event.status = SideEvent.Status.DECLINED
    side_event.decided_by, side_event.decided_at = actor, timezone.now()
    side_event.decision_reason = reason
    side_event.save()
    activity_log(actor=actor, action="logistics.side_event.declined", obj=side_event, meeting=side_event.meeting)
    _mail("side_events_declined", side_event, reason=reason)
    return side_event


@transaction.atomic
def side_event_register(*, side_event: SideEvent, actor) -> SideEventRegistration:
    """An approved participant takes a place; the side event's row is locked, the places counted, and the
    person refused when none is left."""
    ensure_open(side_event.meeting, actor)
    side_event = _locked(side_event)
    _check(
        actor,
        "logistics.register_side_event",
        side_event,
        _("This side event takes no registration now."),
    )
    if side_event.registrations.filter(person=actor).exists():
        raise ValidationError(_("You already have a place at this side event."), code="already")
    if side_event.registrations.count() >= side_event.registration_capacity:
        raise ValidationError(
            _("The side event «%(title)s» is full: all its %(n)s places are taken.")
            % {"title": side_event.title, "n": side_event.registration_capacity},
            code="full",
        )
    place = SideEventRegistration.objects.create(side_event=side_event, person=actor)
    activity_log(actor=actor, action="logistics.side_event.registered", obj=side_event, meeting=side_event.meeting)
    return place


@transaction.atomic
def side_event_cancel_place(*, side_event: SideEvent, actor) -> None:
    ensure_open(side_event.meeting, actor)
    side_event = _locked(side_event)
    deleted, _rows = side_event.registrations.filter(person=actor).delete()
    if not deleted:
        raise ValidationError(_("You have no place at this side event."), code="no_place")
    activity_log(actor=actor, action="logistics.side_event.cancelled", obj=side_event, meeting=side_event.meeting)
