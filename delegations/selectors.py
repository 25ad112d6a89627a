from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from delegations.models import Delegation, Registration


def registrations_of_person(person) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(person=person).select_related("meeting", "delegation").order_by("-meeting__number")
    )


def delegation_registrations(delegation: Delegation, *, meeting) -> QuerySet[Registration]:
    """A delegation's registrations for a meeting, pending first."""
    if meeting is None:
        return Registration.objects.none()
    pending_first = Case(
        When(status=Registration.Status.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        Registration.objects.filter(delegation=delegation, meeting=meeting)
        .select_related("person")
        .order_by(pending_first, "person__last_name", "person__first_name")
    )


def status_counts(registrations: QuerySet[Registration]) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, zeros included, in one query."""
    counts = dict(registrations.order_by().values_list("status").annotate(n=Count("pk")))
    return [(status, label, counts.get(status, 0)) for status, label in Registration.Status.choices]


def civil_society_delegations(*, meeting) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(kind=Delegation.Kind.CIVIL_SOCIETY)
        .annotate(
            registration_count=Count("registrations", filter=Q(registrations__meeting=meeting)),
            pending_count=Count(
                "registrations",
                filter=Q(registrations__meeting=meeting, registrations__status=Registration.Status.PENDING),
            ),
        )
        .order_by("name")
    )
