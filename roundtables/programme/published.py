"""A release's snapshot read back for the public pages, in the reader's language (English when a text has no
translation), with its days, parallel sessions and the "changed since" note in words."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django_countries.fields import Country

from gfmd.timeranges import format_time_range
from roundtables.models import ProgrammeRelease, Session


def pick(texts: dict[str, str], language: str | None = None) -> str:
    language = (language or translation.get_language() or "en")[:2]
    return texts.get(language) or texts.get("en") or next((text for text in texts.values() if text), "")


def pick_place(value: dict[str, str] | str) -> str:
    """A city, venue, room or team delegation's name: in every language since they are translated, one
    English string in the releases published before."""
    return value if isinstance(value, str) else pick(value)


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class PublishedPerson:
    name: str
    organisation: str


@dataclass
class PublishedRoundtable:
    id: int
    number: int
    title: str
    description: str
    sessions: list["PublishedSession"] = field(default_factory=list)


@dataclass
class PublishedSession:
    id: int
    code: str
    kind: str
    heads_only: bool
    title: str
    description: str
    room: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    capacity: int | None
    roundtable: PublishedRoundtable | None
    co_chairs: list[str]
    members: list[str]
    moderators: list[PublishedPerson]
    rapporteurs: list[PublishedPerson]
    authors: list[PublishedPerson]
    speakers: list[PublishedPerson]
    changes: list[str] = field(default_factory=list)
    change_kind: str = ""  # "added" or "changed" in this version

    @property
    def kind_label(self) -> str:
        return str(Session.Kind(self.kind).label) if self.kind in Session.Kind.values else self.kind

    @property
    def is_roundtable_session(self) -> bool:
        return self.kind == Session.Kind.ROUNDTABLE

    @property
    def spans_days(self) -> bool:
        return bool(self.starts_at and self.ends_at and self.ends_at - self.starts_at >= dt.timedelta(hours=20))

    @property
    def has_team(self) -> bool:
        return any((self.co_chairs, self.members, self.moderators, self.rapporteurs, self.authors, self.speakers))


@dataclass
class Slot:
    """Sessions whose times overlap: held in parallel."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    sessions: list[PublishedSession]

    @property
    def columns(self) -> int:
        """Side by side on a wide screen: up to three in a row."""
        return min(len(self.sessions), 3)


@dataclass
class Day:
    date: dt.date
    slots: list[Slot]

    @property
    def anchor(self) -> str:
        return f"day-{self.date.isoformat()}"


@dataclass
class ChangeNote:
    text: str
    session_id: int | None = None
    roundtable_number: int | None = None


@dataclass
class PublishedMeeting:
    number: int
    title: str
    theme: str
    host_country: Country
    city: str
    venue: str
    start_date: dt.date
    end_date: dt.date
    time_zone: str


class Programme:
    """One release, read in the active language."""

    def __init__(self, release: ProgrammeRelease):
        self.release = release
        data = release.snapshot
        meeting = data["meeting"]
        self.meeting = PublishedMeeting(
            number=meeting["number"],
            title=pick(meeting["title"]),
            theme=pick(meeting["theme"]),
            host_country=Country(meeting["host_country"]),
            city=pick_place(meeting["city"]),
            venue=pick_place(meeting["venue"]),
            start_date=dt.date.fromisoformat(meeting["start_date"]),
            end_date=dt.date.fromisoformat(meeting["end_date"]),
            time_zone=meeting["time_zone"],
        )
        self.zone = ZoneInfo(self.meeting.time_zone)
        self.roundtables = [
            PublishedRoundtable(rt["id"], rt["number"], pick(rt["title"]), pick(rt["description"]))
            for rt in data["roundtables"]
        ]
        by_roundtable_id = {rt.id: rt for rt in self.roundtables}
        self.sessions = [self._session(item, by_roundtable_id) for item in data["sessions"]]
        orders = {item["id"]: (item.get("order", 0), item["code"]) for item in data["sessions"]}
        for session in self.sessions:
            if session.roundtable is not None:
                session.roundtable.sessions.append(session)
        for roundtable in self.roundtables:
            roundtable.sessions.sort(key=lambda s: orders[s.id])
        self._by_id = {session.id: session for session in self.sessions}
        self.changes = self._change_notes()

    @staticmethod
    def _session(item: dict, roundtables: dict) -> PublishedSession:
        def people(key):
            return [PublishedPerson(p["name"], p["organisation"]) for p in item.get(key, [])]

        return PublishedSession(
            id=item["id"],
            code=item["code"],
            kind=item["kind"],
            heads_only=item["heads_only"],
            title=pick(item["title"]),
            description=pick(item["description"]),
            room=pick_place(item["room"]),
            starts_at=_datetime(item["starts_at"]),
            ends_at=_datetime(item["ends_at"]),
            capacity=item["capacity"],
            roundtable=roundtables.get(item["roundtable"]),
            co_chairs=[pick_place(name) for name in item.get("co_chairs", [])],
            members=[pick_place(name) for name in item.get("members", [])],
            moderators=people("moderators"),
            rapporteurs=people("rapporteurs"),
            authors=people("authors"),
            speakers=people("speakers"),
        )

    # Finding things ------------------------------------------------------------------------------

    def session(self, session_id: int) -> PublishedSession | None:
        return self._by_id.get(session_id)

    def roundtable(self, number: int) -> PublishedRoundtable | None:
        return next((rt for rt in self.roundtables if rt.number == number), None)

    @cached_property
    def other_sessions(self) -> list[PublishedSession]:
        """Plenaries, special sessions and the civil-society programme, in time order."""
        return [s for s in self.sessions if s.roundtable is None]

    @cached_property
    def unscheduled(self) -> list[PublishedSession]:
        return [s for s in self.sessions if not (s.starts_at and s.ends_at)]

    def local(self, moment: dt.datetime) -> dt.datetime:
        return timezone.localtime(moment, self.zone)

    @cached_property
    def days(self) -> list[Day]:
        """Each day of the programme, its sessions grouped into slots of parallel sessions. A session over
        several days shows on each of them."""
        on_day = defaultdict(list)
        for session in self.sessions:
            if not (session.starts_at and session.ends_at):
                continue
            day, last = self.local(session.starts_at).date(), self.local(session.ends_at).date()
            while day <= last:
                on_day[day].append(session)
                day += dt.timedelta(days=1)
        days = []
        for day in sorted(on_day):
            slots: list[Slot] = []
            for session in sorted(on_day[day], key=self._slot_order):
                if slots and session.starts_at < slots[-1].ends_at:
                    slots[-1].sessions.append(session)
                    slots[-1].ends_at = max(slots[-1].ends_at, session.ends_at)
                else:
                    slots.append(Slot(session.starts_at, session.ends_at, [session]))
            days.append(Day(day, slots))
        return days

    @staticmethod
    def _slot_order(session: PublishedSession):
        return (session.starts_at, session.roundtable.number if session.roundtable else 0, session.code)

    # The "changed since" note --------------------------------------------------------------------

    def _change_notes(self) -> list[ChangeNote]:
        notes = []
        for change in self.release.changes or []:
            kind = change["object"]
            if kind == "meeting":
                fields = ", ".join(MEETING_WORDS.get(name, name) for name in change["fields"])
                notes.append(ChangeNote(_("The meeting's details: %(fields)s.") % {"fields": fields}))
                continue
            title = pick(change["title"])
            if kind == "roundtable":
                item = _("Roundtable %(number)s «%(title)s»") % {"number": change["number"], "title": title}
            else:
                item = f"{change['code']} «{title}»"
            if change["change"] == "added":
                text = _("%(item)s: added.") % {"item": item}
            elif change["change"] == "removed":
                text = _("%(item)s: removed from the programme.") % {"item": item}
            else:
                words = SESSION_WORDS if kind == "session" else ROUNDTABLE_WORDS
                fields = ", ".join(str(words.get(name, name)) for name in change["fields"])
                text = _("%(item)s: %(fields)s changed.") % {"item": item, "fields": fields}
                session = self.session(change["id"]) if kind == "session" else None
                if session and session.starts_at and {"time", "room"} & set(change["fields"]):
                    text += " " + _("Now %(when)s%(room)s.") % {
                        "when": self.span(session),
                        "room": f", {session.room}" if session.room else "",
                    }
            present = change["change"] != "removed"
            note = ChangeNote(
                text,
                session_id=change["id"] if kind == "session" and present else None,
                roundtable_number=change.get("number") if kind == "roundtable" and present else None,
            )
            notes.append(note)
            if kind == "session" and present and self.session(change["id"]):
                self.session(change["id"]).changes.append(text)
                self.session(change["id"]).change_kind = change["change"]
        return notes

    def span(self, session: PublishedSession) -> str:
        return format_time_range(session.starts_at, session.ends_at, zone=self.zone)


# Words for the "changed since" note (nouns: "time, room changed").
SESSION_WORDS = {
    "title": translation.gettext_lazy("title"),
    "description": translation.gettext_lazy("description"),
    "time": translation.gettext_lazy("time"),
    "room": translation.gettext_lazy("room"),
    "code": translation.gettext_lazy("number"),
    "kind": translation.gettext_lazy("kind of session"),
    "roundtable": translation.gettext_lazy("roundtable"),
    "co_chairs": translation.gettext_lazy("co-chairs"),
    "members": translation.gettext_lazy("team members"),
    "moderators": translation.gettext_lazy("moderator"),
    "rapporteurs": translation.gettext_lazy("rapporteur"),
    "authors": translation.gettext_lazy("background paper authors"),
    "speakers": translation.gettext_lazy("speakers"),
}
ROUNDTABLE_WORDS = {
    "title": translation.gettext_lazy("title"),
    "description": translation.gettext_lazy("description"),
    "number": translation.gettext_lazy("number"),
}
MEETING_WORDS = {
    "title": translation.gettext_lazy("title"),
    "theme": translation.gettext_lazy("theme"),
    "dates": translation.gettext_lazy("dates"),
    "venue": translation.gettext_lazy("venue"),
}


def latest_programme(meeting) -> Programme | None:
    release = ProgrammeRelease.objects.latest_for(meeting)
    return Programme(release) if release else None
