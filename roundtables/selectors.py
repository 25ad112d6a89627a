"""Querysets the pages read: annotated and prefetched so page query counts stay flat."""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.translation_gaps import GapList
from roundtables.models import Meeting, ProgrammeRelease, Room, Roundtable, Session, SessionDelegation, SessionPerson
from roundtables.session_counts import session_counts

SEARCH_LIMIT = 10


def current_meeting() -> Meeting | None:
    return Meeting.objects.current()


def rooms_of(meeting: Meeting) -> QuerySet[Room]:
    """The meeting's rooms, each with the number of its sessions."""
    return meeting.rooms.annotate(session_count=Count("sessions")).order_by("name_en", "pk")


def translation_gaps(meeting: Meeting) -> list[GapList]:
    """The meeting's own texts, its roundtables, sessions and rooms, for the completeness page (the row
    shape: gfmd.translation_gaps)."""

    def number(name: str, **kwargs) -> Callable[[object], str]:
        return lambda item: reverse(f"roundtables:{name}", kwargs={"number": meeting.number, **kwargs})

    def by_pk(name: str) -> Callable[[object], str]:
        return lambda item: reverse(f"roundtables:{name}", kwargs={"pk": item.pk})

    title, description = _("Title"), _("Description")
    return [
        GapList(
            key="roundtables-meeting",
            label=_("The meeting"),
            items=Meeting.objects.filter(pk=meeting.pk),
            fields={"title": title, "theme": _("Theme"), "city": _("City"), "venue": _("Venue")},
            name=lambda item: item.title,
            url=number("meeting_edit"),
        ),
        GapList(
            key="roundtables-roundtables",
            label=_("Roundtables"),
            items=meeting.roundtables.order_by("order", "number"),
            fields={"title": title, "description": description},
            name=str,
            url=by_pk("roundtable_edit"),
        ),
        GapList(
            key="roundtables-sessions",
            label=_("Sessions"),
            items=meeting.sessions.order_by("starts_at", "order", "code"),
            fields={"title": title, "description": description},
            name=str,
            url=by_pk("session_edit"),
        ),
        GapList(
            key="roundtables-rooms",
            label=_("Rooms"),
            items=meeting.rooms.order_by("name_en", "pk"),
            fields={"name": _("Name")},
            name=str,
            url=by_pk("room_edit"),
        ),
    ]


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


@dataclass(frozen=True)
class TeamGaps:
    """What the meeting's roundtable sessions still lack, counted in SQL for the dashboard's figures."""

    session_count: int
    lacking_co_chairs: int
    lacking_rapporteur: int
    lacking_paper: int


def team_gaps(meeting: Meeting) -> TeamGaps:
    """The meeting's session count and its roundtable sessions' gaps: one aggregate query over the
    annotated sessions, whatever page of them the dashboard shows."""
    roundtable = Q(kind=Session.Kind.ROUNDTABLE)
    gaps = {
        "session_count": Count("pk"),
        "lacking_co_chairs": Count("pk", filter=roundtable & Q(co_chair_count__lt=2)),
        "lacking_rapporteur": Count("pk", filter=roundtable & Q(rapporteur_count=0)),
        # papers registers paper_count; without it, no roundtable session has a paper.
        "lacking_paper": Count("pk", filter=roundtable & Q(paper_count=0))
        if "paper_count" in session_counts()
        else Count("pk", filter=roundtable),
    }
    totals = _with_team_counts(meeting.sessions.all()).aggregate(**gaps)
    return TeamGaps(**totals)


def _structure_sessions() -> QuerySet[Session]:
    return _with_team_counts(Session.objects.select_related("room")).order_by("order", "code", "pk")


def structure_roundtables(meeting: Meeting) -> QuerySet[Roundtable]:
    """The meeting's roundtables in order (the order the services move them in), each with its sessions
    (team counts annotated): two queries for a page of them."""
    return meeting.roundtables.prefetch_related(Prefetch("sessions", queryset=_structure_sessions())).order_by(
        "order", "number", "pk"
    )


def structure_other_sessions(meeting: Meeting) -> QuerySet[Session]:
    """The sessions outside any roundtable (plenaries, special sessions, civil society), in order."""
    return _structure_sessions().filter(meeting=meeting, roundtable__isnull=True)


def structure_position(*, roundtable: Roundtable | None = None, session: Session | None = None) -> int:
    """How many rows come before this roundtable (or this session outside any roundtable) on the meeting's
    structure page, read from the database (a move has just changed the orders): which page shows it."""
    if roundtable is not None:
        row = Roundtable.objects.filter(pk=roundtable.pk).values("meeting_id", "order", "number").first()
        if row is None:
            return 0
        order, number = row["order"], row["number"]
        before = (
            Q(order__lt=order) | Q(order=order, number__lt=number) | Q(order=order, number=number, pk__lt=roundtable.pk)
        )
        return Roundtable.objects.filter(before, meeting_id=row["meeting_id"]).count()
    row = Session.objects.filter(pk=session.pk).values("meeting_id", "order", "code").first()
    if row is None:
        return 0
    order, code = row["order"], row["code"]
    before = Q(order__lt=order) | Q(order=order, code__lt=code) | Q(order=order, code=code, pk__lt=session.pk)
    return Session.objects.filter(before, meeting_id=row["meeting_id"], roundtable__isnull=True).count()


def session_team(session: Session) -> tuple[list[SessionDelegation], list[SessionPerson]]:
    delegations = list(session.team_delegations.select_related("delegation").order_by("role", "delegation__name"))
    people = list(
        session.team_people.select_related("person", "delegation").order_by(
            "role", "person__last_name", "person__first_name"
        )
    )
    return delegations, people


def _delegation_model():
    # delegations sits above roundtables (it imports it): its model is reached through the team's
    # foreign key, never imported.
    return SessionDelegation._meta.get_field("delegation").related_model


def team_delegations_of(session: Session, *, roles: Iterable[str] | None = None) -> QuerySet:
    """The session's team delegations (delegations.Delegation) in these SessionDelegation roles (any, if
    None), by name."""
    roles = SessionDelegation.Role.values if roles is None else list(roles)
    on_team = SessionDelegation.objects.filter(session=session, role__in=roles).values("delegation_id")
    return _delegation_model().objects.filter(pk__in=on_team).order_by("name")


def co_chair_delegations(session: Session) -> QuerySet:
    """The session's co-chair governments (delegations.Delegation), by name."""
    return team_delegations_of(session, roles=[SessionDelegation.Role.CO_CHAIR])


def representatives_without_government(session: Session) -> QuerySet[SessionPerson]:
    return session.team_people.filter(role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE, delegation__isnull=True)


# A session's team, and who a person is on it -----------------------------------------------------
#
# One meaning, used by every app (papers' writers and reviewers, outcomes' drafters and signers, the
# mails they send, "Sessions I co-chair"):
# - named: the person holds a SessionPerson role on the session (moderator, rapporteur, background
#   paper author, speaker, co-chair's representative);
# - a team delegation acts through its focal points; a co-chair government also through the
#   co-chair's representatives the Chair's office named for it on this session;
# - co-chair: a named co-chair's representative (even before the Chair's office said for which
#   government), or a focal point of a co-chair government of the session;
# - member: a focal point of a team member delegation.
# A delegate registered with a team delegation is none of these. Signing off for a government asks
# more (an approved registration with it, now): delegations.selectors.signing_delegation.

CO_CHAIR = SessionDelegation.Role.CO_CHAIR
MEMBER = SessionDelegation.Role.MEMBER
REPRESENTATIVE = SessionPerson.Role.CO_CHAIR_REPRESENTATIVE
RAPPORTEUR = SessionPerson.Role.RAPPORTEUR
MODERATOR = SessionPerson.Role.MODERATOR
AUTHOR = SessionPerson.Role.AUTHOR
SPEAKER = SessionPerson.Role.SPEAKER
TEAM_ROLES = frozenset({CO_CHAIR, MEMBER, *SessionPerson.Role.values})


@dataclass(frozen=True)
class TeamRoles:
    """Who a person is on one session's team (not their registration's role, nor their groups)."""

    named_as: frozenset[str] = frozenset()  # SessionPerson.Role values the person holds on the session
    # Ids of the session's co-chair governments the person acts for, and how.
    represents: frozenset[int] = frozenset()  # as the co-chair's representative named for it
    co_chair_focal_point_of: frozenset[int] = frozenset()
    member_focal_point_of: frozenset[int] = frozenset()  # ids of team member delegations

    @property
    def co_chair_delegations(self) -> frozenset[int]:
        """The co-chair governments this person acts for (the ones they may sign for, registered)."""
        return self.represents | self.co_chair_focal_point_of

    @property
    def is_representative(self) -> bool:
        return REPRESENTATIVE in self.named_as

    @property
    def is_rapporteur(self) -> bool:
        return RAPPORTEUR in self.named_as

    @property
    def is_moderator(self) -> bool:
        return MODERATOR in self.named_as

    @property
    def is_author(self) -> bool:
        """Named as background paper author on the team (a paper's own authors are papers' fact)."""
        return AUTHOR in self.named_as

    @property
    def is_speaker(self) -> bool:
        return SPEAKER in self.named_as

    @property
    def is_co_chair(self) -> bool:
        """Speaks for a co-chair government of the session: its named representative, or its focal point."""
        return self.is_representative or bool(self.co_chair_focal_point_of)

    @property
    def is_member(self) -> bool:
        """Focal point of a team member delegation."""
        return bool(self.member_focal_point_of)

    @property
    def is_named(self) -> bool:
        return bool(self.named_as)

    @property
    def is_focal_point(self) -> bool:
        """Focal point of one of the team's delegations, co-chair or member."""
        return bool(self.co_chair_focal_point_of or self.member_focal_point_of)

    @property
    def any(self) -> bool:
        return self.is_named or self.is_focal_point

    def has(self, role: str) -> bool:
        """One of TEAM_ROLES: CO_CHAIR and MEMBER as above, the others as named on the team."""
        if role == CO_CHAIR:
            return self.is_co_chair
        if role == MEMBER:
            return self.is_member
        return role in self.named_as


NO_TEAM_ROLES = TeamRoles()
_CACHE = "_gfmd_team_roles"  # on the user object: read once per person and session in a request


def _focal_points():
    """delegations.FocalPoint's rows (delegation_id, meeting_id, user_id), reached as _delegation_model()
    is. A focal point's role belongs to one meeting: every reader below matches the session's meeting."""
    return _delegation_model()._meta.get_field("focal_point_roles").related_model.objects


def team_delegations_acted_for(user, session_ids: Iterable[int]) -> QuerySet[SessionDelegation]:
    """The team delegations of these sessions the person acts for, annotated with how: as its focal
    point (`as_focal_point`), or, a co-chair government, as the co-chair's representative named for it
    on that session (`as_representative`)."""
    named_for = SessionPerson.objects.filter(
        session_id=OuterRef("session_id"),
        person_id=user.pk,
        role=REPRESENTATIVE,
        delegation_id=OuterRef("delegation_id"),
    )
    return (
        SessionDelegation.objects.filter(session_id__in=list(session_ids))
        .annotate(
            as_focal_point=Exists(
                _focal_points().filter(
                    delegation_id=OuterRef("delegation_id"), meeting_id=OuterRef("session__meeting_id"), user_id=user.pk
                )
            ),
            as_representative=Exists(named_for),
        )
        .filter(Q(as_focal_point=True) | Q(as_representative=True, role=CO_CHAIR))
    )


def _read_team_roles(user, session_ids: list[int]) -> dict[int, TeamRoles]:
    """Two queries, whatever the number of sessions and roles."""
    facts: dict[int, dict[str, set]] = defaultdict(
        lambda: {"named_as": set(), "represents": set(), CO_CHAIR: set(), MEMBER: set()}
    )
    named = SessionPerson.objects.filter(session_id__in=session_ids, person_id=user.pk)
    for session_id, role in named.values_list("session_id", "role"):
        facts[session_id]["named_as"].add(role)
    acted_for = team_delegations_acted_for(user, session_ids).values_list(
        "session_id", "delegation_id", "role", "as_focal_point", "as_representative"
    )
    for session_id, delegation_id, role, as_focal_point, as_representative in acted_for:
        if as_focal_point:
            facts[session_id][role].add(delegation_id)
        if as_representative and role == CO_CHAIR:
            facts[session_id]["represents"].add(delegation_id)
    return {
        session_id: TeamRoles(
            named_as=frozenset(fact["named_as"]),
            represents=frozenset(fact["represents"]),
            co_chair_focal_point_of=frozenset(fact[CO_CHAIR]),
            member_focal_point_of=frozenset(fact[MEMBER]),
        )
        if (fact := facts.get(session_id))
        else NO_TEAM_ROLES
        for session_id in session_ids
    }


def team_roles_by_session(user, sessions: Iterable) -> dict[int, TeamRoles]:
    """Who the person is on each of these sessions' teams (sessions or their ids), for a list: two
    queries for the sessions not read yet in this request, none for the others."""
    ids = [getattr(session, "pk", session) for session in sessions if session is not None]
    if not getattr(user, "is_authenticated", False):
        return dict.fromkeys(ids, NO_TEAM_ROLES)
    cache = user.__dict__.setdefault(_CACHE, {})
    missing = [session_id for session_id in dict.fromkeys(ids) if session_id not in cache]
    if missing:
        cache.update(_read_team_roles(user, missing))
    return {session_id: cache[session_id] for session_id in ids}


def team_roles(user, session) -> TeamRoles:
    """Who the person is on the session's team (a session or its id). Read once per person and
    session in a request (two queries), then remembered on the user object."""
    if session is None or not getattr(user, "is_authenticated", False):
        return NO_TEAM_ROLES
    session_id = getattr(session, "pk", session)
    return team_roles_by_session(user, [session_id])[session_id]


def _named_and_delegation_roles(roles: Iterable[str] | None) -> tuple[set[str], set[str]]:
    roles = set(TEAM_ROLES if roles is None else roles)
    unknown = roles - TEAM_ROLES
    if unknown:
        raise ValueError(f"Not a team role: {sorted(unknown)}")
    named = roles & set(SessionPerson.Role.values)
    if CO_CHAIR in roles:
        named.add(REPRESENTATIVE)  # a co-chair government also acts through its named representatives
    return named, roles & {CO_CHAIR, MEMBER}


def on_team(user, *, roles: Iterable[str] | None = None) -> Q:
    """A condition on Session: the person holds one of these TEAM_ROLES (any, if None) on its team, as
    TeamRoles.has answers. For lists of sessions: no join, so no duplicate rows."""
    named, delegation_roles = _named_and_delegation_roles(roles)
    as_named = SessionPerson.objects.filter(session=OuterRef("pk"), person_id=user.pk, role__in=named)
    as_focal_point = SessionDelegation.objects.filter(
        session=OuterRef("pk"),
        role__in=delegation_roles,
        delegation__focal_point_roles__user_id=user.pk,
        delegation__focal_point_roles__meeting_id=OuterRef("meeting_id"),
    )
    return Q(Exists(as_named)) | Q(Exists(as_focal_point))


def team_people(session: Session, *, roles: Iterable[str], only_active: bool = True) -> QuerySet:
    """The active people (all, with only_active=False) who hold any of these TEAM_ROLES on the session's
    team: the people to tell. CO_CHAIR: the named co-chair's representatives and the focal points of its
    co-chair governments; MEMBER: the focal points of its member delegations; any other role: the people
    named in it."""
    named, delegation_roles = _named_and_delegation_roles(roles)
    as_named = SessionPerson.objects.filter(session=session, role__in=named).values("person_id")
    as_focal_point = (
        _focal_points()
        .filter(
            meeting_id=session.meeting_id,
            delegation__session_roles__session=session,
            delegation__session_roles__role__in=delegation_roles,
        )
        .values("user_id")
    )
    people = get_user_model().objects.filter(Q(pk__in=as_named) | Q(pk__in=as_focal_point))
    return people.filter(is_active=True) if only_active else people


def named_roles_prefetch(user, *, to_attr: str) -> Prefetch:
    """For a list of sessions: the roles the person is named in on each one's team (their SessionPerson
    rows, to show them), in one query for the whole list."""
    mine = SessionPerson.objects.filter(person_id=user.pk).only("session_id", "role")
    return Prefetch("team_people", queryset=mine, to_attr=to_attr)


def co_chair_spokespeople(session: Session, *, people: Iterable[int]) -> set[tuple[int, int]]:
    """(person id, co-chair government id) for each of these people and each co-chair government of the
    session they act for (as in TeamRoles.co_chair_delegations). Two queries, whatever the numbers."""
    people = list(people)
    if not people:
        return set()
    co_chairs = SessionDelegation.objects.filter(session=session, role=CO_CHAIR).values("delegation_id")
    named = SessionPerson.objects.filter(
        session=session, role=REPRESENTATIVE, person_id__in=people, delegation_id__in=co_chairs
    ).values_list("person_id", "delegation_id")
    focal = _focal_points().filter(user_id__in=people, delegation_id__in=co_chairs, meeting_id=session.meeting_id)
    return set(named) | set(focal.values_list("user_id", "delegation_id"))


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


def search_delegations(query: str, *, session: Session | None = None) -> list:
    """Delegations whose name (or ISO country code) matches every word typed, accents aside, those
    whose name starts with it first; those already on the session's team are left out."""
    words = _words(query)
    if not words:
        return []
    matches = reduce(and_, (Q(name__iregex=_accent_pattern(word)) for word in words))
    code = Q(country__iexact=words[0]) if len(words) == 1 and len(words[0]) == 2 else None
    if code is not None:
        matches |= code
    delegations = _delegation_model().objects.filter(matches, retired_at__isnull=True)
    if session is not None:
        # The Steering Group badge of the session's meeting (membership is per meeting).
        memberships = _delegation_model()._meta.get_field("memberships").related_model.objects
        delegations = delegations.exclude(session_roles__session=session).annotate(
            steering_group=Exists(
                memberships.filter(delegation=OuterRef("pk"), meeting_id=session.meeting_id, steering_group=True)
            )
        )
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


def current_sessions() -> QuerySet[Session]:
    """The sessions of the current meeting, without reading the meeting first (for conditions)."""
    return Session.objects.filter(meeting__is_current=True)


def co_chairs_a_current_session(user) -> Exists:
    """The header menu's "Sessions I co-chair": sessions_co_chaired_by lists any in the current meeting."""
    return Exists(current_sessions().filter(on_team(user, roles=[CO_CHAIR])))


def sessions_co_chaired_by(user, *, meeting: Meeting | None) -> QuerySet[Session]:
    """The sessions of the meeting that the person co-chairs: as a co-chair's representative on the team, or
    as focal point of a co-chair delegation."""
    if meeting is None or not user.is_authenticated:
        return Session.objects.none()
    co_chairs = SessionDelegation.objects.filter(role=SessionDelegation.Role.CO_CHAIR).select_related("delegation")
    return (
        meeting.sessions.filter(on_team(user, roles=[CO_CHAIR]))
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


# The public archive ------------------------------------------------------------------------------


def published_meetings() -> QuerySet[Meeting]:
    """The meetings the public may see, newest first: a meeting is public once a version of its
    programme is published, unless the Chair's office still has it in preparation."""
    return (
        Meeting.objects.exclude(status=Meeting.Status.PLANNING)
        .filter(Exists(ProgrammeRelease.objects.filter(meeting=OuterRef("pk"))))
        .order_by("-number")
    )


def meeting_chair_staff(meeting):
    """The active people of the meeting's Chair's office (its MeetingRole chair_staff): whom its mails
    about papers and outcomes go to."""
    from accounts.models import User
    from roundtables.models import MeetingRole

    return User.objects.filter(
        is_active=True,
        meeting_roles__meeting=meeting,
        meeting_roles__role=MeetingRole.Role.CHAIR_STAFF,
        meeting_roles__revoked_at__isnull=True,
    ).distinct()


def meeting_staff_roles(meeting):
    """The meeting's active Chair's office staff, by name (one query per page, with their accounts)."""
    from roundtables.models import MeetingRole

    return (
        MeetingRole.objects.active()
        .filter(meeting=meeting, role=MeetingRole.Role.CHAIR_STAFF)
        .select_related("user", "granted_by")
        .order_by("user__last_name", "user__first_name", "user__email", "pk")
    )


def open_meeting_staff_invitations(meeting):
    from roundtables.models import MeetingStaffInvitation

    return MeetingStaffInvitation.objects.usable().filter(meeting=meeting).order_by("email", "pk")


def meeting_coordinator_roles(meeting):
    """The meeting's active civil-society coordinators, by name (one query per page, with their accounts)."""
    from roundtables.models import MeetingRole

    return (
        MeetingRole.objects.active()
        .filter(meeting=meeting, role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)
        .select_related("user", "granted_by")
        .order_by("user__last_name", "user__first_name", "user__email", "pk")
    )


_TRANSLATOR_CACHE = "_gfmd_translator_languages"  # on the user object: read once per meeting in a request


def translator_languages(user, meeting_id: int | None) -> frozenset[str]:
    """The working languages the person is named translator into for the meeting (its active
    MeetingRole translator_<language>), read once per person and meeting in a request."""
    if meeting_id is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    from roundtables.models import MeetingRole

    cache = user.__dict__.setdefault(_TRANSLATOR_CACHE, {})
    if meeting_id not in cache:
        roles = MeetingRole.objects.active().filter(user=user.pk, meeting_id=meeting_id, role__startswith="translator_")
        cache[meeting_id] = frozenset(role.removeprefix("translator_") for role in roles.values_list("role", flat=True))
    return cache[meeting_id]


def meeting_translators(meeting, language: str) -> QuerySet:
    """The people named translator into `language` for the meeting (active roles), by name."""
    from roundtables.models import MeetingRole

    return (
        get_user_model()
        .objects.filter(
            meeting_roles__meeting=meeting,
            meeting_roles__role=MeetingRole.translator_role(language),
            meeting_roles__revoked_at__isnull=True,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def meeting_translator_roles(meeting):
    """The meeting's active translators, by language then name (one query per page, with their accounts)."""
    from roundtables.models import MeetingRole

    return (
        MeetingRole.objects.active()
        .filter(meeting=meeting, role__startswith="translator_")
        .select_related("user", "granted_by")
        .order_by("role", "user__last_name", "user__first_name", "user__email", "pk")
    )


def _empty(field: str) -> Q:
    """A text column with nothing in it (modeltranslation leaves an untranslated column NULL or empty)."""
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


def _awaits(base: str, language: str):
    """True where the English text has something and its translation into `language` has nothing."""
    return ExpressionWrapper(~_empty(f"{base}_{languages.DEFAULT}") & _empty(f"{base}_{language}"), BooleanField())


def texts_awaiting_translation(meeting, language: str) -> QuerySet:
    """The meeting's roundtables and sessions whose title or description in `language` is empty while the
    English has text, as one list (rows of values: kind "roundtable" or "session", pk, label, title,
    needs_title, needs_description), roundtables first, then the sessions in programme order."""

    def rows(queryset, kind: str, label, sort: tuple):
        return (
            queryset.filter(meeting=meeting)
            .order_by()  # the union is ordered as a whole
            .annotate(
                needs_title=_awaits("title", language),
                needs_description=_awaits("description", language),
            )
            .filter(Q(needs_title=True) | Q(needs_description=True))
            .annotate(
                item_kind=Value(kind, output_field=CharField()),
                item_pk=F("pk"),
                item_label=label,
                item_title=F(f"title_{languages.DEFAULT}"),
                item_needs_title=F("needs_title"),
                item_needs_description=F("needs_description"),
                sort_group=Value(sort[0], output_field=IntegerField()),
                sort_a=sort[1],
                sort_b=sort[2],
                sort_c=sort[3],
            )
            .values(
                "item_kind",
                "item_pk",
                "item_label",
                "item_title",
                "item_needs_title",
                "item_needs_description",
                "sort_group",
                "sort_a",
                "sort_b",
                "sort_c",
            )
        )

    roundtables = rows(
        Roundtable.objects.all(),
        "roundtable",
        Cast("number", CharField()),
        (0, F("order"), F("number"), Value("", output_field=CharField())),
    )
    sessions = rows(
        Session.objects.all(),
        "session",
        F("code"),
        (1, Coalesce(F("roundtable__order"), Value(0), output_field=IntegerField()), F("order"), F("code")),
    )
    return roundtables.union(sessions, all=True).order_by("sort_group", "sort_a", "sort_b", "sort_c", "item_pk")
