"""attendance: who came, counted by the database: per day (the meeting's door) and per session (a session's
door), by delegation kind and by region; the list of people by day for the PDF and the XLSX; and the
delegations present per session for the proceedings' annex. Each reader costs a fixed number of queries,
however many people came."""

import dataclasses
import datetime as dt

from django.db.models import Count

from delegations.models import Delegation
from logistics.models import CheckIn, SessionCheckIn
from roundtables.models import Meeting, Session

KINDS = [Delegation.Kind.STATE, Delegation.Kind.OBSERVER, Delegation.Kind.CIVIL_SOCIETY]
REGIONS = [value for value, _label in Delegation.Region.choices]
NO_REGION = ""


@dataclasses.dataclass
class Row:
    """One day or one session: people and delegations in, by kind and by region."""

    key: object
    label: str = ""
    people: int = 0
    delegations: int = 0
    by_kind: dict = dataclasses.field(default_factory=dict)  # kind -> people
    by_region: dict = dataclasses.field(default_factory=dict)  # region -> people

    def kind_cells(self) -> list[int]:
        return [self.by_kind.get(kind, 0) for kind in KINDS]

    def region_cells(self, regions) -> list[int]:
        return [self.by_region.get(region, 0) for region in regions]


@dataclasses.dataclass
class Counts:
    days: list[Row]
    sessions: list[Row]
    regions: list[tuple[str, str]]  # (value, label) of the regions that appear, in the model's order

    @property
    def empty(self) -> bool:
        return not self.days and not self.sessions


def _fill(rows: dict, grouped, key_name: str, group_name: str, target: str) -> None:
    for entry in grouped:
        row = rows.setdefault(entry[key_name], Row(entry[key_name]))
        getattr(row, target)[entry[group_name] or NO_REGION] = entry["people"]


def attendance_counts(meeting: Meeting) -> Counts:
    """Five queries: days by kind, days by region, sessions by kind, sessions by region, and totals of
    delegations (distinct) per day and per session folded into the first two of each."""
    day_rows: dict = {}
    checkins = CheckIn.objects.filter(meeting=meeting).order_by()
    for entry in checkins.values("day").annotate(
        people=Count("pk"), delegations=Count("registration__delegation", distinct=True)
    ):
        day_rows[entry["day"]] = Row(entry["day"], people=entry["people"], delegations=entry["delegations"])
    _fill(
        day_rows,
        checkins.values("day", "registration__delegation__kind").annotate(people=Count("pk")),
        "day",
        "registration__delegation__kind",
        "by_kind",
    )
    _fill(
        day_rows,
        checkins.values("day", "registration__delegation__region").annotate(people=Count("pk")),
        "day",
        "registration__delegation__region",
        "by_region",
    )
    session_rows: dict = {}
    visits = SessionCheckIn.objects.filter(session__meeting=meeting).order_by()
    for entry in visits.values("session", "session__code", "session__title", "session__starts_at").annotate(
        people=Count("pk"), delegations=Count("registration__delegation", distinct=True)
    ):
        session_rows[entry["session"]] = Row(
            entry["session"],
            label=f"{entry['session__code']} · {entry['session__title']}",
            people=entry["people"],
            delegations=entry["delegations"],
        )
        session_rows[entry["session"]].starts_at = entry["session__starts_at"]
    _fill(
        session_rows,
        visits.values("session", "registration__delegation__kind").annotate(people=Count("pk")),
        "session",
        "registration__delegation__kind",
        "by_kind",
    )
    _fill(
        session_rows,
        visits.values("session", "registration__delegation__region").annotate(people=Count("pk")),
        "session",
        "registration__delegation__region",
        "by_region",
    )
    seen = {region for row in [*day_rows.values(), *session_rows.values()] for region in row.by_region}
    labels = dict(Delegation.Region.choices)
    regions = [(value, str(labels[value])) for value in REGIONS if value in seen]
    if NO_REGION in seen:
        regions.append((NO_REGION, ""))
    for row in [*day_rows.values(), *session_rows.values()]:
        row.region_counts = row.region_cells([value for value, _label in regions])
    sessions = sorted(
        session_rows.values(), key=lambda row: (row.starts_at or dt.datetime.max.replace(tzinfo=dt.UTC), row.label)
    )
    return Counts(days=[day_rows[day] for day in sorted(day_rows)], sessions=sessions, regions=regions)


def attendance_list(meeting: Meeting):
    """Everyone who came, by day, then delegation kind, delegation and name (one query, iterated)."""
    return (
        CheckIn.objects.filter(meeting=meeting)
        .select_related("registration__person", "registration__delegation")
        .order_by(
            "day",
            "registration__delegation__kind",
            "registration__delegation__name",
            "registration__person__last_name",
            "registration__person__first_name",
            "pk",
        )
    )


def session_visits(meeting: Meeting):
    """Everyone who came to a session (a session's door), by session start then name (one query)."""
    return (
        SessionCheckIn.objects.filter(session__meeting=meeting)
        .select_related("session", "registration__person", "registration__delegation")
        .order_by(
            "session__starts_at",
            "session__code",
            "registration__delegation__name",
            "registration__person__last_name",
            "pk",
        )
    )


@dataclasses.dataclass
class SessionPresence:
    session: Session
    delegations: list


@dataclasses.dataclass
class AttendanceAnnex:
    sessions: list[SessionPresence]

    @property
    def empty(self) -> bool:
        return not self.sessions


def delegations_present_by_session(meeting: Meeting) -> AttendanceAnnex:
    """The proceedings' annex: for each session whose door was scanned, the delegations present (at least
    one of their people checked in there), by kind then name. Three queries."""
    pairs = list(
        SessionCheckIn.objects.filter(session__meeting=meeting)
        .order_by()
        .values_list("session_id", "registration__delegation_id")
        .distinct()
    )
    if not pairs:
        return AttendanceAnnex([])
    sessions = Session.objects.filter(pk__in={s for s, _d in pairs}).order_by("starts_at", "order", "code")
    delegations = Delegation.objects.in_bulk({d for _s, d in pairs})
    kind_rank = {kind: rank for rank, kind in enumerate(KINDS)}
    by_session: dict = {}
    for session_id, delegation_id in pairs:
        by_session.setdefault(session_id, []).append(delegations[delegation_id])
    return AttendanceAnnex(
        [
            SessionPresence(
                session,
                sorted(by_session[session.pk], key=lambda d: (kind_rank.get(d.kind, 9), d.display_name.lower())),
            )
            for session in sessions
        ]
    )
