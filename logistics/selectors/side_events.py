"""side_events: what the pages read. Who may propose (the proposing delegation), the proposals a person
made, the Chair's office's review list, the accepted side events of a meeting (the public programme's)
and the places taken."""

from django.db.models import Count, Q, QuerySet

from delegations.models import Delegation, FocalPoint, Registration
from logistics.models import SideEvent, SideEventRegistration

# Delegations an approved participant (not only a focal point) may propose for: organisations.
ORGANISATION_KINDS = (Delegation.Kind.CIVIL_SOCIETY, Delegation.Kind.OBSERVER)


def proposing_delegation(user, meeting) -> Delegation | None:
    """The delegation a person proposes side events for, in this meeting. The rule: a focal point proposes
    for their delegation (a state, an observer or a civil-society organisation); an approved participant of
    an observer or civil-society organisation proposes for it. Anyone else: None. Memoised per request."""
    if user is None or not user.is_authenticated or meeting is None:
        return None
    memo = user.__dict__.setdefault("_side_event_delegation", {})
    if meeting.pk not in memo:
        focal = FocalPoint.objects.filter(user=user, meeting=meeting).select_related("delegation").first()
        delegation = focal.delegation if focal else None
        if delegation is None:
            registration = (
                Registration.objects.filter(
                    person=user,
                    meeting=meeting,
                    status=Registration.Status.APPROVED,
                    delegation__kind__in=ORGANISATION_KINDS,
                )
                .select_related("delegation")
                .first()
            )
            delegation = registration.delegation if registration else None
        memo[meeting.pk] = delegation
    return memo[meeting.pk]


def is_approved_participant(user, meeting) -> bool:
    if user is None or not user.is_authenticated or meeting is None:
        return False
    return Registration.objects.filter(person=user, meeting=meeting, status=Registration.Status.APPROVED).exists()


def side_events_of_proposer(user, *, meeting) -> QuerySet[SideEvent]:
    return (
        SideEvent.objects.filter(meeting=meeting, proposed_by=user)
        .select_related("room", "delegation")
        .annotate(places_taken=Count("registrations"))
        .order_by("-created_at", "-pk")
    )


def side_events_for_review(*, meeting, status: str = "") -> QuerySet[SideEvent]:
    events = SideEvent.objects.filter(meeting=meeting)
    if status in SideEvent.Status.values:
        events = events.filter(status=status)
    return (
        events.select_related("room", "delegation", "proposed_by")
        .annotate(places_taken=Count("registrations"))
        .order_by("starts_at", "pk")
    )


def accepted_side_events(meeting) -> QuerySet[SideEvent]:
    return (
        SideEvent.objects.accepted()
        .filter(meeting=meeting)
        .select_related("room")
        .annotate(places_taken=Count("registrations"))
        .order_by("starts_at", "pk")
    )


def side_events_open_for_registration(user, *, meeting) -> QuerySet[SideEvent]:
    """Accepted side events with a capacity, each marked with whether the person holds a place."""
    return (
        accepted_side_events(meeting)
        .filter(registration_capacity__isnull=False)
        .annotate(mine=Count("registrations", filter=Q(registrations__person=user)))
    )


def places_taken(side_event: SideEvent) -> int:
    return SideEventRegistration.objects.filter(side_event=side_event).count()


def side_events_in_room(*, meeting, room, starts_at, ends_at, exclude_pk=None) -> list[SideEvent]:
    """Accepted side events that take the room at some moment of the given time."""
    events = SideEvent.objects.accepted().filter(
        meeting=meeting, room=room, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if exclude_pk:
        events = events.exclude(pk=exclude_pk)
    return list(events.order_by("starts_at", "pk"))
