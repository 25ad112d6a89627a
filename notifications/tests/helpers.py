"""A meeting with two published versions: session A moved in time and room, session B unchanged, and
registrants of each."""

import datetime as dt
from dataclasses import dataclass

from accounts.tests.factories import ChairOfficeFactory, UserFactory
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from notifications.kinds import PROGRAMME_CHANGES
from notifications.models import OptOut
from roundtables import services as roundtables_services
from roundtables.tests.factories import MeetingFactory, RoomFactory, RoundtableFactory, SessionFactory

START = dt.datetime(2030, 11, 8, 15, 0, tzinfo=dt.UTC)


@dataclass
class World:
    meeting: object
    chair: object
    moved: object  # session A: time and room change in version 2
    kept: object  # session B: unchanged
    alice: object  # English, chose A
    bruno: object  # French, chose A and B
    carla: object  # chose B only
    dora: object  # chose A, registration pending
    eve: object  # chose A, turned programme digests off
    v1: object = None
    v2: object = None


def world(*, publish_v2: bool = True) -> World:
    meeting = MeetingFactory(is_current=True, start_date=dt.date(2030, 11, 8), end_date=dt.date(2030, 11, 11))
    chair = ChairOfficeFactory(first_name="Carmen", last_name="Chair")
    roundtable = RoundtableFactory(meeting=meeting)
    room_1, room_2 = RoomFactory(meeting=meeting, name="Sala Jalisco"), RoomFactory(meeting=meeting, name="Sala Colima")
    moved = SessionFactory(
        roundtable=roundtable,
        code="1.1",
        title_en="Partnerships for migration",
        title_fr="Partenariats pour la migration",
        room=room_1,
        starts_at=START,
        ends_at=START + dt.timedelta(hours=2),
    )
    kept = SessionFactory(
        roundtable=roundtable,
        code="1.2",
        title_en="Diaspora engagement",
        room=room_2,
        starts_at=START + dt.timedelta(hours=3),
        ends_at=START + dt.timedelta(hours=5),
    )
    people = {}
    for name, language, sessions, status in (
        ("alice", "en", [moved], Registration.Status.APPROVED),
        ("bruno", "fr", [moved, kept], Registration.Status.APPROVED),
        ("carla", "es", [kept], Registration.Status.APPROVED),
        ("dora", "en", [moved], Registration.Status.PENDING),
        ("eve", "en", [moved], Registration.Status.APPROVED),
    ):
        person = UserFactory(email=f"{name}@example.org", first_name=name.title(), preferred_language=language)
        RegistrationFactory(meeting=meeting, person=person, status=status, sessions=sessions)
        people[name] = person
    OptOut.objects.create(person=people["eve"], kind=PROGRAMME_CHANGES)
    result = World(meeting=meeting, chair=chair, moved=moved, kept=kept, **people)
    result.v1 = roundtables_services.programme_publish(meeting=meeting, actor=chair)
    if publish_v2:
        move(result)
        result.v2 = roundtables_services.programme_publish(meeting=meeting, actor=chair)
    return result


def move(w: World) -> None:
    """Session A two hours later, in the other room."""
    w.moved.starts_at = START + dt.timedelta(hours=6)
    w.moved.ends_at = START + dt.timedelta(hours=8)
    w.moved.room = w.kept.room
    w.moved.save()
