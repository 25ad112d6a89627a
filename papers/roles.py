"""What a person is on a session's team, as the papers' rules ask it: roundtables' team_roles, the
one meaning every app reads.

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

from roundtables.selectors import team_roles


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
    roles = team_roles(user, session_id)
    return SessionRoles(named=roles.is_named, focal_point=roles.is_focal_point, co_chair=roles.is_co_chair)


def is_author_of(user, paper) -> bool:
    """Uses the prefetched authors when the page loaded them, so a list costs no extra query."""
    if paper is None or not getattr(user, "is_authenticated", False):
        return False
    prefetched = getattr(paper, "_prefetched_objects_cache", {}).get("authors")
    if prefetched is not None:
        return any(author.pk == user.pk for author in prefetched)
    return paper.authors.filter(pk=user.pk).exists()
