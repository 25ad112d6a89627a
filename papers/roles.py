"""What a person is on a session's team, read from the facts in roundtables and delegations.

- named: a person named on the session's team (a SessionPerson row: rapporteur, moderator,
  author, speaker, co-chair's representative);
- focal point: a focal point of one of the session's team delegations (co-chair or member);
- co-chair: a co-chair's representative named on the session, or a focal point of one of the
  session's co-chair delegations.

An approved delegate of a team delegation is none of these: being registered with a government
that is on the team does not make a person one of the paper's writers or readers (least
privilege: the delegation answers for its paper through its focal points).

Two queries per person and session, remembered on the user object for the rest of the request.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from roundtables.models import SessionDelegation, SessionPerson


@dataclass(frozen=True)
class SessionRoles:
    named: bool = False
    focal_point: bool = False
    co_chair: bool = False

    @property
    def writer(self) -> bool:
        """May work on the session's papers (with the papers' own authors)."""
        return self.named or self.focal_point


NO_ROLES = SessionRoles()


def session_roles(user, session) -> SessionRoles:
    return session_roles_by_id(user, session.pk if session is not None else None)


def session_roles_by_id(user, session_id: int | None) -> SessionRoles:
    """By the session's id, so a paper's roles need not load its session."""
    if session_id is None or not getattr(user, "is_authenticated", False):
        return NO_ROLES
    cache = getattr(user, "_papers_session_roles", None)
    if cache is None:
        cache = {}
        user._papers_session_roles = cache
    if session_id not in cache:
        cache[session_id] = _read_session_roles(user, session_id)
    return cache[session_id]


def _read_session_roles(user, session_id: int) -> SessionRoles:
    from delegations.models import Delegation

    people_roles = set(SessionPerson.objects.filter(session_id=session_id, person=user).values_list("role", flat=True))
    delegation_roles = set(
        SessionDelegation.objects.filter(session_id=session_id)
        .filter(
            Exists(
                Delegation.focal_points.through.objects.filter(delegation_id=OuterRef("delegation_id"), user_id=user.pk)
            )
        )
        .values_list("role", flat=True)
    )
    co_chair = (
        SessionPerson.Role.CO_CHAIR_REPRESENTATIVE in people_roles
        or SessionDelegation.Role.CO_CHAIR in delegation_roles
    )
    return SessionRoles(named=bool(people_roles), focal_point=bool(delegation_roles), co_chair=co_chair)


def is_author_of(user, paper) -> bool:
    """Uses the prefetched authors when the page loaded them, so a list costs no extra query."""
    if paper is None or not getattr(user, "is_authenticated", False):
        return False
    prefetched = getattr(paper, "_prefetched_objects_cache", {}).get("authors")
    if prefetched is not None:
        return any(author.pk == user.pk for author in prefetched)
    return paper.authors.filter(pk=user.pk).exists()
