"""What the outcome pages read: who holds which role on a session's team, and the prefetched
querysets of the pages."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from accounts.permissions import is_chair_office
from delegations.models import Delegation
from outcomes.models import Approval, Outcome, OutcomeRevision, OutcomeSection, SectionComment
from roundtables.models import Session, SessionDelegation, SessionPerson


@dataclass
class TeamRole:
    """A person's part in one session's outcome."""

    rapporteur: bool = False
    co_chair_representative: bool = False
    # The co-chair governments this person signs off for.
    represents: list[Delegation] = field(default_factory=list)


def co_chair_delegations(session: Session) -> QuerySet[Delegation]:
    return Delegation.objects.filter(
        session_roles__session=session, session_roles__role=SessionDelegation.Role.CO_CHAIR
    ).order_by("name")


def team_role(user, session: Session) -> TeamRole:
    """The user's role on the session's team, read once per request (cached on the user).

    A co-chair government is represented by its focal points, and by the people named
    "co-chair's representative" on the session's team who are registered with that government."""
    if not user.is_authenticated or session is None:
        return TeamRole()
    cache = user.__dict__.setdefault("_gfmd_outcome_roles", {})
    if session.pk not in cache:
        roles = set(SessionPerson.objects.filter(session=session, person=user).values_list("role", flat=True))
        is_rep = SessionPerson.Role.CO_CHAIR_REPRESENTATIVE in roles
        represents_filter = Q(focal_points=user)
        if is_rep:
            represents_filter |= Q(registrations__person=user, registrations__meeting_id=session.meeting_id)
        represents = list(co_chair_delegations(session).filter(represents_filter).distinct())
        cache[session.pk] = TeamRole(
            rapporteur=SessionPerson.Role.RAPPORTEUR in roles,
            co_chair_representative=is_rep or bool(represents),
            represents=represents,
        )
    return cache[session.pk]


def rapporteurs(session: Session) -> QuerySet:
    return get_user_model().objects.filter(
        session_roles__session=session, session_roles__role=SessionPerson.Role.RAPPORTEUR
    )


def co_chair_representatives(session: Session) -> QuerySet:
    """Everyone who speaks for a co-chair government of the session (the people to ask for sign-off)."""
    co_chair_ids = co_chair_delegations(session).values("pk")
    return (
        get_user_model()
        .objects.filter(
            Q(session_roles__session=session, session_roles__role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
            | Q(focal_point_of__in=co_chair_ids)
        )
        .distinct()
    )


def chair_office_people() -> QuerySet:
    from accounts.roles import CHAIR_OFFICE

    return get_user_model().objects.filter(groups__name=CHAIR_OFFICE, is_active=True)


def sessions_for_outcomes(user, *, meeting) -> QuerySet[Session]:
    """The sessions whose outcome the user drafts, signs off or (Chair's office) oversees."""
    if meeting is None or not user.is_authenticated:
        return Session.objects.none()
    sessions = meeting.sessions.filter(kind=Session.Kind.ROUNDTABLE)
    if not is_chair_office(user):
        sessions = sessions.filter(
            Q(
                team_people__person=user,
                team_people__role__in=[SessionPerson.Role.RAPPORTEUR, SessionPerson.Role.CO_CHAIR_REPRESENTATIVE],
            )
            | Q(team_delegations__role=SessionDelegation.Role.CO_CHAIR, team_delegations__delegation__focal_points=user)
        ).distinct()
    return (
        sessions.select_related("roundtable", "outcome")
        .prefetch_related(
            Prefetch(
                "team_people",
                queryset=SessionPerson.objects.filter(person=user).only("session_id", "role"),
                to_attr="my_roles",
            )
        )
        .order_by("code")
    )


def outcome_sections(outcome: Outcome) -> QuerySet[OutcomeSection]:
    return outcome.sections.select_related("current_revision", "current_revision__author").prefetch_related(
        Prefetch("comments", queryset=SectionComment.objects.select_related("author"))
    )


def approval_status(outcome: Outcome) -> list[tuple[Delegation, Approval | None]]:
    """Every co-chair government, with its sign-off or None: who approved, who has not yet."""
    approvals = {a.delegation_id: a for a in outcome.approvals.select_related("approved_by")}
    return [(delegation, approvals.get(delegation.pk)) for delegation in co_chair_delegations(outcome.session)]


def section_revisions(section: OutcomeSection) -> QuerySet[OutcomeRevision]:
    return section.revisions.select_related("author", "base", "restored_from").order_by("-number")


def published_outcome(session: Session) -> Outcome | None:
    return (
        Outcome.objects.published()
        .filter(session=session)
        .select_related("session")
        .prefetch_related(
            Prefetch("sections", queryset=OutcomeSection.objects.select_related("current_revision")),
            Prefetch("approvals", queryset=Approval.objects.select_related("delegation")),
        )
        .first()
    )


def published_outcome_stamp(meeting_number: int, session_id: int | None) -> str:
    """Changes when the public session page's outcome changes (it joins that page's ETag).
    A published outcome is final, so its id and publication time name it."""
    if session_id is None:
        return ""
    published = (
        Outcome.objects.published()
        .filter(session_id=session_id, session__meeting__number=meeting_number)
        .values_list("pk", "published_at")
        .first()
    )
    return f"outcome:{published}"
