"""Querysets the pages read: annotated and prefetched so page query counts stay flat."""

import re
import unicodedata
from functools import reduce
from operator import and_, or_

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When

from delegations.models import Delegation, Registration
from roundtables.models import Meeting, Roundtable, Session, SessionDelegation, SessionPerson
from roundtables.session_counts import session_counts

SEARCH_LIMIT = 10


def current_meeting() -> Meeting | None:
    return Meeting.objects.current()


def roundtables_with_sessions(meeting: Meeting) -> QuerySet[Roundtable]:
    return meeting.roundtables.prefetch_related(
        Prefetch("sessions", queryset=Session.objects.order_by("order", "code"))
    ).order_by("order", "number")


def _with_team_counts(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.annotate(
        co_chair_count=Count(
            "team_delegations", filter=Q(team_delegations__role=SessionDelegation.Role.CO_CHAIR), distinct=True
        ),
        member_count=Count(
            "team_delegations", filter=Q(team_delegations__role=SessionDelegation.Role.MEMBER), distinct=True
        ),
        rapporteur_count=Count("team_people", filter=Q(team_people__role=SessionPerson.Role.RAPPORTEUR), distinct=True),
        moderator_count=Count("team_people", filter=Q(team_people__role=SessionPerson.Role.MODERATOR), distinct=True),
        author_count=Count("team_people", filter=Q(team_people__role=SessionPerson.Role.AUTHOR), distinct=True),
        # Other apps' counts (papers: paper_count), registered in their AppConfig.ready().
        **session_counts(),
    )


def sessions_with_team_status(meeting: Meeting) -> QuerySet[Session]:
    """Every session of the meeting with its team counts, for the Chair's office dashboard."""
    return _with_team_counts(meeting.sessions.select_related("roundtable", "room")).order_by(
        "starts_at", "order", "code"
    )


def meeting_structure(meeting: Meeting) -> tuple[list[Roundtable], list[Session]]:
    """The roundtables in order, each with its sessions (team counts annotated), and the sessions outside
    any roundtable (plenaries, special sessions, civil society). Three queries."""
    sessions = _with_team_counts(Session.objects.select_related("room")).order_by("order", "code")
    roundtables = list(
        meeting.roundtables.prefetch_related(Prefetch("sessions", queryset=sessions)).order_by("order", "number")
    )
    others = list(sessions.filter(meeting=meeting, roundtable__isnull=True))
    return roundtables, others


def session_team(session: Session) -> tuple[list[SessionDelegation], list[SessionPerson]]:
    delegations = list(session.team_delegations.select_related("delegation").order_by("role", "delegation__name"))
    people = list(
        session.team_people.select_related("person", "delegation").order_by(
            "role", "person__last_name", "person__first_name"
        )
    )
    return delegations, people


def co_chair_delegations(session: Session) -> QuerySet[Delegation]:
    """The session's co-chair governments, by name."""
    return Delegation.objects.filter(
        session_roles__session=session, session_roles__role=SessionDelegation.Role.CO_CHAIR
    ).order_by("name")


def representatives_without_government(session: Session) -> QuerySet[SessionPerson]:
    return session.team_people.filter(role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE, delegation__isnull=True)


def signing_delegation(user, session: Session, *, lock: bool = False) -> Delegation | None:
    """The one co-chair government the user may sign off for on this session, now; None if none.

    Two facts must hold at once: the user speaks for a co-chair government of the session (its
    representative on the team, tied to it by the Chair's office, or its focal point), and holds an
    approved registration for the meeting with that same government. A person has one registration
    per meeting, so one person never signs for two governments. With lock=True (inside a
    transaction), the registration row is locked, so a withdrawal or move waits for the sign-off
    (and a sign-off for the withdrawal) instead of the two crossing."""
    if not user.is_authenticated or session is None:
        return None
    registrations = Registration.objects.filter(
        meeting_id=session.meeting_id, person=user, status=Registration.Status.APPROVED
    )
    if lock:
        registrations = registrations.select_for_update()
    registration = registrations.only("pk", "delegation_id").first()
    if registration is None:
        return None
    speaks_for = Q(team_representatives__session=session, team_representatives__person=user) | Q(focal_points=user)
    return co_chair_delegations(session).filter(speaks_for, pk=registration.delegation_id).distinct().first()


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:5]


# Letters a name may carry with an accent: "mexi" finds "México", "cote" finds "Côte d'Ivoire".
# Both cases are spelled out so that matching does not depend on the database's collation.
_ACCENTED = {
    "a": "aàáâãäåā",
    "c": "cçč",
    "e": "eèéêëē",
    "i": "iìíîïī",
    "n": "nñ",
    "o": "oòóôõöøō",
    "u": "uùúûüū",
    "y": "yýÿ",
    "s": "sš",
    "z": "zž",
}
# What may come before a word inside a name ("Republic of Moldova", "Côte d'Ivoire", "Guinea-Bissau").
_WORD_START = r"(^|[\s'’(/.,-])"


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _accent_pattern(word: str) -> str:
    """A regular expression (valid for SQLite's Python `re` and PostgreSQL's `~*`) that matches the
    word with or without accents: no extension such as unaccent is needed."""
    parts = []
    for char in _unaccented(word):
        letters = _ACCENTED.get(char)
        parts.append(f"[{letters}{letters.upper()}]" if letters else re.escape(char))
    return "".join(parts)


def _search_rank(fields: tuple[str, ...], words: list[str], extra_first: Q | None = None) -> Case:
    """0: a field starts with what was typed; 1: every word typed starts a word of one field;
    2: the words are only found inside words ("Moro" finds Morocco before Comoros)."""
    patterns = [_accent_pattern(word) for word in words]
    phrase = r"\s+".join(patterns)
    starts = reduce(or_, (Q(**{f"{field}__iregex": f"^{phrase}"}) for field in fields))
    if extra_first is not None:
        starts |= extra_first
    word_starts = reduce(
        and_,
        (reduce(or_, (Q(**{f"{field}__iregex": _WORD_START + pattern}) for field in fields)) for pattern in patterns),
    )
    return Case(When(starts, then=Value(0)), When(word_starts, then=Value(1)), default=Value(2))


def search_delegations(query: str, *, session: Session | None = None) -> list[Delegation]:
    """Delegations whose name (or ISO country code) matches every word typed, accents aside, those
    whose name starts with it first; those already on the session's team are left out."""
    words = _words(query)
    if not words:
        return []
    matches = reduce(and_, (Q(name__iregex=_accent_pattern(word)) for word in words))
    code = Q(country__iexact=words[0]) if len(words) == 1 and len(words[0]) == 2 else None
    if code is not None:
        matches |= code
    delegations = Delegation.objects.filter(matches)
    if session is not None:
        delegations = delegations.exclude(session_roles__session=session)
    delegations = delegations.annotate(rank=_search_rank(("name",), words, extra_first=code))
    return list(delegations.order_by("rank", "name")[: SEARCH_LIMIT + 1])


def search_people(query: str) -> list:
    """Active people whose name, e-mail or organisation matches every word typed, accents aside;
    those whose first or last name starts with it first. Bounded: the page shows SEARCH_LIMIT."""
    words = _words(query)
    if not words:
        return []
    fields = ("first_name", "last_name", "email", "organisation")
    matches = reduce(
        and_, (reduce(or_, (Q(**{f"{field}__iregex": _accent_pattern(word)}) for field in fields)) for word in words)
    )
    people = (
        get_user_model()
        .objects.filter(matches, is_active=True)
        .annotate(rank=_search_rank(("first_name", "last_name"), words[:1]))
    )
    return list(people.order_by("rank", "last_name", "first_name", "email")[: SEARCH_LIMIT + 1])


def sessions_co_chaired_by(user, *, meeting: Meeting | None) -> QuerySet[Session]:
    """The sessions of the meeting that the person co-chairs: as a co-chair's representative on the team, or
    as focal point of a co-chair delegation."""
    if meeting is None or not user.is_authenticated:
        return Session.objects.none()
    as_representative = SessionPerson.objects.filter(person=user, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
    as_focal_point = SessionDelegation.objects.filter(
        role=SessionDelegation.Role.CO_CHAIR, delegation__focal_points=user
    )
    co_chairs = SessionDelegation.objects.filter(role=SessionDelegation.Role.CO_CHAIR).select_related("delegation")
    return (
        meeting.sessions.filter(
            Q(pk__in=as_representative.values("session_id")) | Q(pk__in=as_focal_point.values("session_id"))
        )
        .select_related("room", "roundtable", "meeting")
        .prefetch_related(
            Prefetch("team_delegations", queryset=co_chairs.order_by("delegation__name"), to_attr="co_chairs")
        )
        .order_by("starts_at", "order", "code")
    )


def team_roles_of_person(person, *, meeting: Meeting | None) -> QuerySet[SessionPerson]:
    if meeting is None:
        return SessionPerson.objects.none()
    return (
        SessionPerson.objects.filter(person=person, session__meeting=meeting)
        .select_related("session", "session__roundtable")
        .order_by("session__code")
    )
