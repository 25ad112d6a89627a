"""side_events: the 2010 demo (illustrative, not the Forum's record). Mexico's focal point proposed a
lunchtime side event on diaspora and development with the Migrant Forum in Asia, which Mexico's Chair's
office accepted into Room B, free between the morning and afternoon sessions of 10 November; Ghana's
focal point proposed a side event on remittances, still awaiting review. Through the services, without
mail, safe to run again (a side event of the same English title is not proposed twice)."""

import datetime as dt
from zoneinfo import ZoneInfo

from accounts.models import User
from logistics.models import SideEvent
from logistics.services.side_events import SideEventInput, side_event_accept, side_event_propose
from mailings.services import suppressed
from roundtables.models import Meeting

VALLARTA = ZoneInfo("America/Mexico_City")


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2010, 11, day, hour, minute, tzinfo=VALLARTA)


DIASPORA = SideEventInput(
    texts={
        "title": {
            "en": "Diasporas as partners in development: lessons from the Americas and Asia",
            "fr": "Les diasporas, partenaires du développement : leçons des Amériques et de l'Asie",
            "es": "Las diásporas como socias del desarrollo: lecciones de las Américas y Asia",
        },
        "description": {
            "en": "Diaspora organisations and governments compare hometown associations, skills transfer "
            "programmes and diaspora investment schemes, and what makes them last.",
            "fr": "Organisations de la diaspora et gouvernements comparent associations de ressortissants, "
            "programmes de transfert de compétences et investissements de la diaspora.",
            "es": "Organizaciones de la diáspora y gobiernos comparan clubes de migrantes, programas de "
            "transferencia de conocimientos e inversión de la diáspora.",
        },
    },
    language="en",
    organisers="Government of Mexico and Migrant Forum in Asia",
    starts_at=_at(10, 13, 15),
    ends_at=_at(10, 14, 45),
    expected_attendance=60,
    needs_interpretation=True,
    needs_av=True,
    room_capacity=80,
    registration_capacity=60,
)

REMITTANCES = SideEventInput(
    texts={
        "title": {"en": "Lowering the cost of remittances to West Africa"},
        "description": {
            "en": "Central banks, money transfer operators and migrant associations on cheaper, safer channels."
        },
    },
    language="en",
    organisers="Government of Ghana",
    starts_at=_at(11, 12, 0),
    ends_at=_at(11, 13, 30),
    expected_attendance=40,
    needs_av=True,
)


def load_side_events_demo() -> None:
    meeting = Meeting.objects.filter(number=4).first()
    if meeting is None:
        return
    chair = User.objects.filter(email="chair@example.org").first()
    mexico = User.objects.filter(email="focalpoint.mx@example.org").first()
    ghana = User.objects.filter(email="focalpoint.gh@example.org").first()
    if not (chair and mexico and ghana):
        return
    with suppressed("demo"):
        if not SideEvent.objects.filter(meeting=meeting, title_en=DIASPORA.texts["title"]["en"]).exists():
            event = side_event_propose(meeting=meeting, actor=mexico, data=DIASPORA)
            room = meeting.rooms.filter(name_en="Room B").first()
            side_event_accept(side_event=event, actor=chair, room=room)
        if not SideEvent.objects.filter(meeting=meeting, title_en=REMITTANCES.texts["title"]["en"]).exists():
            side_event_propose(meeting=meeting, actor=ghana, data=REMITTANCES)
