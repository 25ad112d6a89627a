"""The programme booklet of a meeting: cover, the programme at a glance, then every roundtable
and session with its team, and the other sessions (plenaries, special session, civil society)."""

from collections import defaultdict
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.documents.common import (
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    render_document,
)
from reports.registry import Offer, Part, Renderer, register
from roundtables.models import SessionDelegation, SessionPerson


def programme_sessions(meeting):
    return (
        meeting.sessions.select_related("roundtable", "room")
        .prefetch_related(
            Prefetch(
                "team_delegations",
                queryset=SessionDelegation.objects.select_related("delegation").order_by("role", "delegation__name"),
            ),
            Prefetch(
                "team_people",
                queryset=SessionPerson.objects.select_related("person").order_by("role", "person__last_name"),
            ),
        )
        .order_by("starts_at", "order", "code")
    )


def _team(session) -> dict:
    team = defaultdict(list)
    for membership in session.team_delegations.all():
        team[membership.role].append(membership.delegation.name)
    for membership in session.team_people.all():
        team[membership.role].append(membership.person.display_name)
    return {
        "co_chairs": team[SessionDelegation.Role.CO_CHAIR],
        "members": team[SessionDelegation.Role.MEMBER],
        "moderators": team[SessionPerson.Role.MODERATOR],
        "rapporteurs": team[SessionPerson.Role.RAPPORTEUR],
    }


def programme_context(meeting) -> dict:
    zone = ZoneInfo(meeting.time_zone or "UTC")
    sessions = list(programme_sessions(meeting))
    for session in sessions:
        session.team = _team(session)
    roundtables = []
    for roundtable in meeting.roundtables.order_by("order", "number"):
        roundtable.programme_sessions = sorted(
            (s for s in sessions if s.roundtable_id == roundtable.pk), key=lambda s: (s.order, s.code)
        )
        roundtables.append(roundtable)
    timed = [s for s in sessions if s.starts_at]
    days = [
        (day, list(day_sessions))
        for day, day_sessions in groupby(timed, key=lambda s: timezone.localtime(s.starts_at, zone).date())
    ]
    return {
        "meeting": meeting,
        "roundtables": roundtables,
        "other_sessions": [s for s in sessions if s.roundtable_id is None],
        "days": days,
        "untimed": [s for s in sessions if not s.starts_at],
    }


def build(params: dict):
    meeting = load_meeting(params)
    yield Part(render_document("reports/programme.html", programme_context(meeting)))


def can_access(user, params) -> bool:
    # The programme is public: any signed-in person may have the booklet.
    return user.is_authenticated


def title(params: dict) -> str:
    meeting = meeting_of(params)
    return gettext("Programme booklet") + (f" · {meeting.title}" if meeting else "")


def offers(meeting, user) -> list[Offer]:
    return [
        Offer(
            kind="programme",
            label=_("Programme booklet"),
            description=_("Cover, the programme at a glance, then every roundtable and session with its team."),
            params={"meeting": meeting.pk},
        )
    ]


register(
    Renderer(
        kind="programme",
        label=_("Programme booklet"),
        description=_("The meeting's programme: the roundtables, their sessions and teams, times and rooms."),
        can_access=can_access,
        build=build,
        filename=lambda params: meeting_filename(params, "programme"),
        clean_params=clean_meeting,
        title=title,
        offers=offers,
        order=10,
    )
)
