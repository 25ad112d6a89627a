"""The programme as it stands in the database, as plain JSON: what a release stores and the public reads."""

from collections import defaultdict

from django.utils import translation

from gfmd import languages
from roundtables.models import Meeting, SessionDelegation, SessionPerson

SCHEMA = 1

# Team people by role, as the public pages list them (co-chairs' representatives are the team's business).
PEOPLE_ROLES = {
    SessionPerson.Role.MODERATOR: "moderators",
    SessionPerson.Role.RAPPORTEUR: "rapporteurs",
    SessionPerson.Role.AUTHOR: "authors",
    SessionPerson.Role.SPEAKER: "speakers",
}


def _texts(obj, name: str) -> dict[str, str]:
    return {language: getattr(obj, f"{name}_{language}") or "" for language in languages.CODES}


def _delegation_names(delegation) -> dict[str, str]:
    """A delegation's name as each language's readers read it (Delegation.display_name: a state's country
    in their language, from django-countries' catalogues; an organisation's own name)."""
    names = {}
    for language in languages.CODES:
        with translation.override(language):
            names[language] = delegation.display_name
    return names


def _when(value) -> str | None:
    return value.isoformat() if value else None


def build_snapshot(meeting: Meeting) -> dict:
    """The meeting's programme in every language. Four queries."""
    roundtables = list(meeting.roundtables.order_by("order", "number"))
    sessions = list(meeting.sessions.select_related("room").order_by("starts_at", "order", "code"))
    delegations = defaultdict(lambda: {"co_chairs": [], "members": []})
    for team in (
        SessionDelegation.objects.filter(session__meeting=meeting)
        .select_related("delegation")
        .order_by("delegation__name")
    ):
        key = "co_chairs" if team.role == SessionDelegation.Role.CO_CHAIR else "members"
        delegations[team.session_id][key].append(_delegation_names(team.delegation))
    people = defaultdict(lambda: {key: [] for key in PEOPLE_ROLES.values()})
    for team in (
        SessionPerson.objects.filter(session__meeting=meeting, role__in=list(PEOPLE_ROLES))
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "person__email")
    ):
        people[team.session_id][PEOPLE_ROLES[team.role]].append(
            {"name": team.person.display_name, "organisation": team.person.organisation}
        )
    return {
        "schema": SCHEMA,
        "meeting": {
            "number": meeting.number,
            "title": _texts(meeting, "title"),
            "theme": _texts(meeting, "theme"),
            "host_country": str(meeting.host_country),
            "city": _texts(meeting, "city"),
            "venue": _texts(meeting, "venue"),
            "start_date": meeting.start_date.isoformat(),
            "end_date": meeting.end_date.isoformat(),
            "time_zone": meeting.time_zone,
        },
        "roundtables": [
            {
                "id": roundtable.pk,
                "number": roundtable.number,
                "title": _texts(roundtable, "title"),
                "description": _texts(roundtable, "description"),
            }
            for roundtable in roundtables
        ],
        "sessions": [
            {
                "id": session.pk,
                "code": session.code,
                "kind": session.kind,
                "heads_only": session.heads_only,
                "roundtable": session.roundtable_id,
                "order": session.order,
                "title": _texts(session, "title"),
                "description": _texts(session, "description"),
                "room": _texts(session.room, "name") if session.room else "",
                "starts_at": _when(session.starts_at),
                "ends_at": _when(session.ends_at),
                "capacity": session.capacity,
                **delegations[session.pk],
                **people[session.pk],
            }
            for session in sessions
        ],
    }
