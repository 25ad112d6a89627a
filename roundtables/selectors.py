"""Querysets the pages read: annotated and prefetched so page query counts stay flat."""

from django.db.models import Count, Prefetch, Q, QuerySet

from roundtables.models import Meeting, Roundtable, Session, SessionDelegation, SessionPerson


def current_meeting() -> Meeting | None:
    return Meeting.objects.current()


def roundtables_with_sessions(meeting: Meeting) -> QuerySet[Roundtable]:
    return meeting.roundtables.prefetch_related(
        Prefetch("sessions", queryset=Session.objects.order_by("order", "code"))
    ).order_by("order", "number")


def sessions_with_team_status(meeting: Meeting) -> QuerySet[Session]:
    """Every session of the meeting with its team counts, for the Chair's office dashboard."""
    return (
        meeting.sessions.select_related("roundtable", "room")
        .annotate(
            co_chair_count=Count(
                "team_delegations", filter=Q(team_delegations__role=SessionDelegation.Role.CO_CHAIR), distinct=True
            ),
            member_count=Count(
                "team_delegations", filter=Q(team_delegations__role=SessionDelegation.Role.MEMBER), distinct=True
            ),
            rapporteur_count=Count(
                "team_people", filter=Q(team_people__role=SessionPerson.Role.RAPPORTEUR), distinct=True
            ),
            moderator_count=Count(
                "team_people", filter=Q(team_people__role=SessionPerson.Role.MODERATOR), distinct=True
            ),
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
