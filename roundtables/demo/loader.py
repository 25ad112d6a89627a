"""The roundtables part of the demo: the Fourth Meeting (Mexico 2010) with its rooms, roundtables and
sessions, and version 1 of its programme. Safe to run again: every object is found by its natural key
and updated in place. `manage.py load_demo` (portal) runs it with every other app's part."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from accounts.models import User
from accounts.sites import site_sync
from activity.models import ActivityLog
from roundtables.demo.concept_paper import parse_concept_paper
from roundtables.models import Meeting, ProgrammeRelease, Room, Roundtable, Session

VALLARTA = ZoneInfo("America/Mexico_City")
# When the demo's version 1 of the programme went public: five weeks before the meeting.
DEMO_PROGRAMME_PUBLISHED_AT = dt.datetime(2010, 10, 1, 10, tzinfo=VALLARTA)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2010, 11, day, hour, minute, tzinfo=VALLARTA)


# Session codes -> (room, start, end). Sessions of the three roundtables run in parallel.
SCHEDULE = {
    "OP": ("Plenary Hall", _at(10, 9), _at(10, 10, 30)),
    "1.1": ("Room A", _at(10, 11), _at(10, 13)),
    "2.1": ("Room B", _at(10, 11), _at(10, 13)),
    "3.1": ("Room C", _at(10, 11), _at(10, 13)),
    "1.2": ("Room A", _at(10, 15), _at(10, 17)),
    "2.2": ("Room B", _at(10, 15), _at(10, 17)),
    "3.2": ("Room C", _at(10, 15), _at(10, 17)),
    "3.3": ("Room C", _at(11, 9), _at(11, 11)),
    "FF": ("Room A", _at(11, 9), _at(11, 11)),
    "CP": ("Plenary Hall", _at(11, 14), _at(11, 16)),
    "CSD": ("Plenary Hall", _at(8, 9), _at(9, 13)),
    "CS": ("Plenary Hall", _at(9, 15), _at(9, 18)),
}

OTHER_SESSIONS = [
    # code, kind, title, description, heads only
    (
        "CSD",
        Session.Kind.CIVIL_SOCIETY,
        "Civil Society Days",
        "Two days of civil-society deliberations preceding the government meeting.",
        False,
    ),
    (
        "CS",
        Session.Kind.COMMON_SPACE,
        "Common space",
        "Governments and civil society meet to discuss the outcomes of the Civil Society Days.",
        False,
    ),
    (
        "OP",
        Session.Kind.PLENARY,
        "Opening plenary",
        "Opening of the Fourth Meeting of the Global Forum on Migration and Development.",
        False,
    ),
    (
        "FF",
        Session.Kind.SPECIAL,
        "Special session on the Future of the Forum",
        "Heads of delegation discuss the GFMD process and its future steps.",
        True,
    ),
    (
        "CP",
        Session.Kind.PLENARY,
        "Closing plenary",
        "The rapporteurs report the outcomes of the roundtable sessions.",
        False,
    ),
]


def load_meeting_demo(concept_paper_path: Path) -> tuple[Meeting, dict[str, Session]]:
    """The meeting, its rooms, roundtables and sessions (by code), from the concept paper. The demo's
    other parts (people, delegations, teams, every app's data) are loaded by portal.demo."""
    site_sync()  # the portal's name and SITE_URL in allauth's mails, never "example.com"
    paper = parse_concept_paper(concept_paper_path)
    meeting = _load_meeting(paper)
    rooms = _load_rooms(meeting)
    return meeting, _load_structure(meeting, paper, rooms)


def _load_meeting(paper) -> Meeting:
    Meeting.objects.exclude(number=4).filter(is_current=True).update(is_current=False)
    meeting, _ = Meeting.objects.update_or_create(
        number=4,
        defaults={
            "title_en": "Fourth Meeting of the Global Forum on Migration and Development",
            "title_fr": "Quatrième réunion du Forum mondial sur la migration et le développement",
            "title_es": "Cuarta Reunión del Foro Mundial sobre Migración y Desarrollo",
            "theme_en": paper.theme,
            "theme_fr": "Partenariats pour la migration et le développement humain : "
            "prospérité partagée – responsabilité partagée",
            "theme_es": "Alianzas para la migración y el desarrollo humano: "
            "prosperidad compartida – responsabilidad compartida",
            "host_country": "MX",
            # The city's name is the same in the three languages; the convention centre's is not.
            "city_en": "Puerto Vallarta",
            "city_fr": "Puerto Vallarta",
            "city_es": "Puerto Vallarta",
            "venue_en": "Puerto Vallarta International Convention Center",
            "venue_fr": "Centre international des congrès de Puerto Vallarta",
            "venue_es": "Centro Internacional de Convenciones de Puerto Vallarta",
            "time_zone": str(VALLARTA),
            "start_date": dt.date(2010, 11, 8),
            "end_date": dt.date(2010, 11, 11),
            "concept_paper": paper.text,
            "status": Meeting.Status.OPEN,
            "is_current": True,
        },
    )
    return meeting


# The rooms by their English names: (French, Spanish, seats).
ROOMS = {
    "Plenary Hall": ("Salle plénière", "Sala plenaria", 600),
    "Room A": ("Salle A", "Sala A", 150),
    "Room B": ("Salle B", "Sala B", 150),
    "Room C": ("Salle C", "Sala C", 150),
}


def _load_rooms(meeting: Meeting) -> dict[str, Room]:
    return {
        name: Room.objects.update_or_create(
            meeting=meeting, name_en=name, defaults={"name_fr": fr, "name_es": es, "capacity": capacity}
        )[0]
        for name, (fr, es, capacity) in ROOMS.items()
    }


# The titles in French and Spanish (the concept paper gives the English; descriptions stay English, which
# the Chair's office's completeness page lists as the translators' work).
ROUNDTABLE_TITLES = {
    1: ("Partenariats pour la migration et le développement", "Alianzas para la migración y el desarrollo"),
    2: ("Mobilité humaine et développement humain", "Movilidad humana y desarrollo humano"),
    3: (
        "Cohérence des politiques et des institutions face à la relation entre migration et développement",
        "Coherencia política e institucional ante la relación entre migración y desarrollo",
    ),
}
SESSION_TITLES = {
    "1.1": (
        "Partenariats pour une migration plus régulière et mieux protégée",
        "Alianzas para una migración más regular y protegida",
    ),
    "1.2": (
        "Stratégies conjointes pour faire face à la migration irrégulière",
        "Estrategias conjuntas para abordar la migración irregular",
    ),
    "2.1": (
        "Mobilité de la main-d’œuvre : stratégies pour le développement humain",
        "Movilidad laboral: estrategias para el desarrollo humano",
    ),
    "2.2": ("Migration, genre et famille", "Migración, género y familia"),
    "3.1": (
        "Évaluer l’impact de la migration sur le développement économique et social, et en traiter les causes "
        "et les effets",
        "Evaluar el impacto de la migración en el desarrollo económico y social, y abordar su relación de causa "
        "y efecto",
    ),
    "3.2": (
        "Évaluer la pertinence et l’impact du changement climatique pour la migration et le développement",
        "Evaluar la pertinencia y el impacto del cambio climático en la migración y el desarrollo",
    ),
    "3.3": (
        "Comment les processus consultatifs régionaux et les forums interrégionaux peuvent-ils mieux intégrer "
        "le lien entre migration et développement ?",
        "¿Cómo pueden los procesos consultivos regionales y los foros interregionales incorporar mejor el "
        "nexo entre migración y desarrollo?",
    ),
    "OP": ("Séance plénière d’ouverture", "Sesión plenaria de apertura"),
    "CP": ("Séance plénière de clôture", "Sesión plenaria de clausura"),
    "CSD": ("Journées de la société civile", "Jornadas de la Sociedad Civil"),
    "CS": ("Espace commun", "Espacio común"),
    "FF": ("Séance spéciale sur l’avenir du Forum", "Sesión especial sobre el futuro del Foro"),
}


def _load_structure(meeting: Meeting, paper, rooms: dict[str, Room]) -> dict[str, Session]:
    sessions: dict[str, Session] = {}
    for order, rt in enumerate(paper.roundtables, start=1):
        title_fr, title_es = ROUNDTABLE_TITLES.get(rt.number, ("", ""))
        roundtable, _ = Roundtable.objects.update_or_create(
            meeting=meeting,
            number=rt.number,
            defaults={
                "title_en": rt.title,
                "title_fr": title_fr,
                "title_es": title_es,
                "description_en": rt.description,
                "order": order,
            },
        )
        for session_order, text in enumerate(rt.sessions, start=1):
            sessions[text.code] = _upsert_session(
                meeting,
                rooms,
                text.code,
                roundtable=roundtable,
                kind=Session.Kind.ROUNDTABLE,
                title=text.title,
                description=text.description,
                order=session_order,
                heads_only=False,
            )
    for order, (code, kind, title, description, heads_only) in enumerate(OTHER_SESSIONS, start=1):
        sessions[code] = _upsert_session(
            meeting,
            rooms,
            code,
            roundtable=None,
            kind=kind,
            title=title,
            description=description,
            order=order,
            heads_only=heads_only,
        )
    return sessions


def _upsert_session(meeting, rooms, code, *, roundtable, kind, title, description, order, heads_only) -> Session:
    room_name, starts_at, ends_at = SCHEDULE[code]
    room = rooms[room_name]
    session, _ = Session.objects.update_or_create(
        meeting=meeting,
        code=code,
        defaults={
            "roundtable": roundtable,
            "kind": kind,
            "title_en": title,
            "title_fr": SESSION_TITLES.get(code, ("", ""))[0],
            "title_es": SESSION_TITLES.get(code, ("", ""))[1],
            "description_en": description,
            "order": order,
            "heads_only": heads_only,
            "room": room,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "capacity": room.capacity,
        },
    )
    return session


def publish_demo_programme(meeting: Meeting) -> None:
    """Publish version 1 of the programme, as the Chair's office would, unless a version exists already."""
    from roundtables.services import programme_publish

    if not ProgrammeRelease.objects.filter(meeting=meeting).exists():
        release = programme_publish(meeting=meeting, actor=User.objects.get(email="chair@example.org"))
        # Dated inside the meeting's own year, as the Chair's office published it, so that the pages do not
        # say "published on" the day the demo happened to be loaded. A release is never saved twice, so the
        # date is set with an update.
        ProgrammeRelease.objects.filter(pk=release.pk).update(published_at=DEMO_PROGRAMME_PUBLISHED_AT)
        ActivityLog.objects.filter(action="roundtables.programme.published", object_id=str(release.pk)).update(
            created_at=DEMO_PROGRAMME_PUBLISHED_AT
        )
