"""The earlier meetings in the demo, as entries of the public archive: Brussels 2007, Manila 2008 and
Athens 2009, each held, with a few roundtable sessions and version 1 of its programme. Safe to run again.

From the public record (gfmd.org's meeting pages): each meeting's number, chairing government, city,
dates and overarching theme. The roundtables' themes follow the published programmes as far as they were
checked (Athens' roundtables 1 and 2); the others are to be checked before anyone relies on them.
Illustrative (demo text, not the Forum's record): the session titles and descriptions, rooms and times;
the venues are left blank where the record was not at hand."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from accounts.models import User
from activity.models import ActivityLog
from roundtables.models import Meeting, ProgrammeRelease, Room, Roundtable, Session

ILLUSTRATIVE = "Illustrative demo text, not the Forum's record."


@dataclass(frozen=True)
class ArchiveSession:
    code: str
    title: str
    day: int  # of the month
    start: int  # hour
    end: int


@dataclass(frozen=True)
class ArchiveRoundtable:
    number: int
    title: str
    sessions: tuple[ArchiveSession, ...]


@dataclass(frozen=True)
class ArchiveMeeting:
    number: int
    titles: tuple[str, str, str]  # English, French, Spanish
    theme: str
    host_country: str
    cities: tuple[str, str, str]  # English, French, Spanish
    venue: str
    time_zone: str
    start_date: dt.date
    end_date: dt.date
    roundtables: tuple[ArchiveRoundtable, ...]

    @property
    def programme_published_at(self) -> dt.datetime:
        """Version 1 went public a month before the meeting (illustrative)."""
        day = self.start_date - dt.timedelta(days=30)
        return dt.datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo(self.time_zone))


S = ArchiveSession
R = ArchiveRoundtable

ARCHIVE = (
    ArchiveMeeting(
        number=1,
        titles=(
            "First Meeting of the Global Forum on Migration and Development",
            "Première réunion du Forum mondial sur la migration et le développement",
            "Primera Reunión del Foro Mundial sobre Migración y Desarrollo",
        ),
        theme="Migration and Socio-Economic Development",
        host_country="BE",
        cities=("Brussels", "Bruxelles", "Bruselas"),
        venue="",
        time_zone="Europe/Brussels",
        start_date=dt.date(2007, 7, 9),
        end_date=dt.date(2007, 7, 11),
        roundtables=(
            R(
                1,
                "Human capital development and labour mobility: maximizing opportunities and minimizing risks",
                (
                    S("1.1", "Highly skilled migration: balancing interests and responsibilities", 10, 10, 13),
                    S("1.2", "Temporary labour migration as a contribution to development", 10, 15, 18),
                ),
            ),
            R(
                2,
                "Remittances and other diaspora resources: increasing their net volume and development value",
                (S("2.1", "Lowering the costs of remittance transfers", 10, 10, 13),),
            ),
            R(
                3,
                "Enhancing institutional and policy coherence and promoting partnerships",
                (S("3.1", "Regional consultative processes and migration and development", 11, 10, 13),),
            ),
        ),
    ),
    ArchiveMeeting(
        number=2,
        titles=(
            "Second Meeting of the Global Forum on Migration and Development",
            "Deuxième réunion du Forum mondial sur la migration et le développement",
            "Segunda Reunión del Foro Mundial sobre Migración y Desarrollo",
        ),
        theme="Protecting and Empowering Migrants for Development",
        host_country="PH",
        cities=("Manila", "Manille", "Manila"),
        venue="",
        time_zone="Asia/Manila",
        start_date=dt.date(2008, 10, 27),
        end_date=dt.date(2008, 10, 30),
        roundtables=(
            R(
                1,
                "Migration, development and human rights",
                (
                    S("1.1", "Protecting the rights of migrants: a shared responsibility", 29, 10, 13),
                    S("1.2", "Empowering migrants and diaspora to contribute to development", 29, 15, 18),
                ),
            ),
            R(
                2,
                "Secure, regular migration can achieve stronger development impacts",
                (S("2.1", "Fostering more opportunities for regular migration", 29, 10, 13),),
            ),
            R(
                3,
                "Policy and institutional coherence and partnerships",
                (S("3.1", "Data and research on migration and development", 30, 10, 13),),
            ),
        ),
    ),
    ArchiveMeeting(
        number=3,
        titles=(
            "Third Meeting of the Global Forum on Migration and Development",
            "Troisième réunion du Forum mondial sur la migration et le développement",
            "Tercera Reunión del Foro Mundial sobre Migración y Desarrollo",
        ),
        theme="Integrating Migration Policies into Development Strategies for the Benefit of All",
        host_country="GR",
        cities=("Athens", "Athènes", "Atenas"),
        venue="",
        time_zone="Europe/Athens",
        start_date=dt.date(2009, 11, 2),
        end_date=dt.date(2009, 11, 5),
        roundtables=(
            R(
                1,
                "How to make the migration-development nexus work for the achievement of the Millennium "
                "Development Goals",
                (
                    S("1.1", "Mainstreaming migration in development planning", 4, 10, 13),
                    S(
                        "1.2",
                        "Engaging diasporas and migrants in development policies and programmes: their role? "
                        "Their constraints?",
                        4,
                        15,
                        18,
                    ),
                ),
            ),
            R(
                2,
                "Migrant integration, reintegration and circulation for development",
                (S("2.1", "Reintegration and circular migration: effective for development?", 4, 10, 13),),
            ),
            R(
                3,
                "Policy and institutional coherence and partnerships",
                (
                    S(
                        "3.1",
                        "Assessing the impact of migration on development: data, research and Migration Profiles",
                        5,
                        10,
                        13,
                    ),
                    S("3.2", "Regional consultative processes and inter-regional fora", 5, 15, 18),
                ),
            ),
        ),
    ),
)


def load_archive_demo() -> dict[int, Meeting]:
    """The three earlier meetings with their roundtables and sessions, by number (none is current)."""
    return {entry.number: _load_meeting(entry) for entry in ARCHIVE}


def _load_meeting(entry: ArchiveMeeting) -> Meeting:
    title_en, title_fr, title_es = entry.titles
    city_en, city_fr, city_es = entry.cities
    meeting, _ = Meeting.objects.update_or_create(
        number=entry.number,
        defaults={
            "title_en": title_en,
            "title_fr": title_fr,
            "title_es": title_es,
            "theme_en": entry.theme,
            "host_country": entry.host_country,
            "city_en": city_en,
            "city_fr": city_fr,
            "city_es": city_es,
            "venue_en": entry.venue,
            "time_zone": entry.time_zone,
            "start_date": entry.start_date,
            "end_date": entry.end_date,
            "status": Meeting.Status.HELD,
            "is_current": False,
        },
    )
    zone = ZoneInfo(entry.time_zone)
    month, year = entry.start_date.month, entry.start_date.year
    for order, rt in enumerate(entry.roundtables, start=1):
        letter = chr(ord("A") + order - 1)
        room, _ = Room.objects.update_or_create(
            meeting=meeting,
            name_en=f"Room {letter}",
            defaults={"name_fr": f"Salle {letter}", "name_es": f"Sala {letter}"},
        )
        roundtable, _ = Roundtable.objects.update_or_create(
            meeting=meeting, number=rt.number, defaults={"title_en": rt.title, "order": order}
        )
        for session_order, item in enumerate(rt.sessions, start=1):
            Session.objects.update_or_create(
                meeting=meeting,
                code=item.code,
                defaults={
                    "roundtable": roundtable,
                    "kind": Session.Kind.ROUNDTABLE,
                    "title_en": item.title,
                    "description_en": ILLUSTRATIVE,
                    "order": session_order,
                    "room": room,
                    "starts_at": dt.datetime(year, month, item.day, item.start, tzinfo=zone),
                    "ends_at": dt.datetime(year, month, item.day, item.end, tzinfo=zone),
                },
            )
    return meeting


def publish_archive_programme(meeting: Meeting, *, actor: User) -> None:
    """Version 1 of an earlier meeting's programme, dated before that meeting, unless one exists."""
    from roundtables.services import programme_publish

    if ProgrammeRelease.objects.filter(meeting=meeting).exists():
        return
    entry = next(item for item in ARCHIVE if item.number == meeting.number)
    release = programme_publish(meeting=meeting, actor=actor)
    ProgrammeRelease.objects.filter(pk=release.pk).update(published_at=entry.programme_published_at)
    ActivityLog.objects.filter(action="roundtables.programme.published", object_id=str(release.pk)).update(
        created_at=entry.programme_published_at
    )
