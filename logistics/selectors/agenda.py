"""agenda: a participant's personal agenda for a meeting: the sessions their (pending or approved)
registration chose, and the accepted side events they proposed or hold a place at, in time order.
Two queries whatever the agenda's length."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from delegations.models import Registration
from logistics.models import AgendaFeed, SideEvent
from logistics.wiring.side_events import side_event_uid
from roundtables.models import Session
from roundtables.programme.ical import session_uid


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # "session" or "side_event"
    label: str
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    room: str
    uid: str
    session_id: int | None = None
    organisers: str = ""


def agenda_items(person, meeting) -> list[AgendaItem]:
    sessions = (
        Session.objects.filter(
            meeting=meeting,
            registration_choices__registration__person=person,
            registration_choices__registration__status__in=Registration.ACTIVE_STATUSES,
        )
        .select_related("room")
        .distinct()
    )
    items = [
        AgendaItem(
            kind="session",
            label=session.get_kind_display(),
            title=f"{session.code} {session.title}",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            room=session.room.name if session.room_id else "",
            uid=session_uid(meeting.number, session.pk),
            session_id=session.pk,
        )
        for session in sessions
    ]
    events = (
        SideEvent.objects.accepted()
        .filter(meeting=meeting)
        .filter(Q(proposed_by=person) | Q(registrations__person=person))
        .select_related("room", "meeting")
        .distinct()
    )
    items += [
        AgendaItem(
            kind="side_event",
            label=_("Side event"),
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            room=event.room.name if event.room_id else "",
            uid=side_event_uid(event),
            organisers=event.organisers,
        )
        for event in events
    ]
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(items, key=lambda item: (item.starts_at or far, item.title))


def feed_of(person, meeting) -> AgendaFeed | None:
    return AgendaFeed.objects.filter(person=person, meeting=meeting).first()


def feed_by_token_hash(token_hash: str) -> AgendaFeed | None:
    return AgendaFeed.objects.filter(token_hash=token_hash).select_related("person", "meeting").first()
