"""What a person is on a session's team, read from the facts in roundtables and delegations.

- team member: anyone on the session's team: a person named on it (rapporteur, moderator,
  author, speaker, co-chair's representative) or a person of a team delegation, that is one of
  its focal points or a delegate whose registration for the meeting is approved;
- co-chair: a co-chair's representative named on the session, or a focal point of one of the
  session's co-chair delegations.

Two queries per person and session, remembered on the user object for the rest of the request.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from roundtables.models import SessionDelegation, SessionPerson


@dataclass(frozen=True)
class SessionRoles:
    member: bool = False
    co_chair: bool = False


NO_ROLES = SessionRoles()


def session_roles(user, session) -> SessionRoles:
    if session is None or not getattr(user, "is_authenticated", False):
        return NO_ROLES
    cache = getattr(user, "_papers_session_roles", None)
    if cache is None:
        cache = {}
        user._papers_session_roles = cache
    if session.pk not in cache:
        cache[session.pk] = _read_session_roles(user, session)
    return cache[session.pk]


def _read_session_roles(user, session) -> SessionRoles:
    from delegations.models import Delegation, Registration

    people_roles = set(SessionPerson.objects.filter(session=session, person=user).values_list("role", flat=True))
    delegation_roles = list(
        SessionDelegation.objects.filter(session=session)
        .annotate(
            focal_point=Exists(
                Delegation.focal_points.through.objects.filter(delegation_id=OuterRef("delegation_id"), user_id=user.pk)
            ),
            registered=Exists(
                Registration.objects.filter(
                    delegation_id=OuterRef("delegation_id"),
                    person_id=user.pk,
                    meeting_id=session.meeting_id,
                    status=Registration.Status.APPROVED,
                )
            ),
        )
        .filter(Q(focal_point=True) | Q(registered=True))
        .values_list("role", "focal_point")
    )
    co_chair = SessionPerson.Role.CO_CHAIR_REPRESENTATIVE in people_roles or any(
        role == SessionDelegation.Role.CO_CHAIR and focal_point for role, focal_point in delegation_roles
    )
    return SessionRoles(member=bool(people_roles) or bool(delegation_roles), co_chair=co_chair)


def is_author_of(user, paper) -> bool:
    """Uses the prefetched authors when the page loaded them, so a list costs no extra query."""
    if paper is None or not getattr(user, "is_authenticated", False):
        return False
    prefetched = getattr(paper, "_prefetched_objects_cache", {}).get("authors")
    if prefetched is not None:
        return any(author.pk == user.pk for author in prefetched)
    return paper.authors.filter(pk=user.pk).exists()
