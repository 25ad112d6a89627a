"""funding: what the pages read. Budget figures are summed by the database."""

from decimal import Decimal

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from delegations.models import Delegation, Registration
from logistics.models.funding import COUNTRY_GROUPS, FundingCall, FundingNomination

ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def calls_of(meeting) -> QuerySet[FundingCall]:
    """A meeting's calls with their nomination counts and sums (one query)."""
    return (
        FundingCall.objects.filter(meeting=meeting)
        .annotate(
            nomination_count=Count("nominations"),
            committed=Coalesce(
                Sum("nominations__amount", filter=Q(nominations__state=FundingNomination.State.FUNDED)),
                Value(ZERO),
                output_field=_MONEY,
            ),
        )
        .order_by("-created_at", "-pk")
    )


def call_of(meeting, pk: int) -> FundingCall | None:
    return FundingCall.objects.filter(meeting=meeting, pk=pk).select_related("meeting").first()


def budget_figures(call: FundingCall) -> dict:
    """committed (funded amounts), reserved (pending nominations' estimated costs), remaining (budget less
    committed) and available (remaining less reserved), in one query."""
    sums = FundingNomination.objects.filter(call=call).aggregate(
        committed=Coalesce(
            Sum("amount", filter=Q(state=FundingNomination.State.FUNDED)), Value(ZERO), output_field=_MONEY
        ),
        reserved=Coalesce(
            Sum("estimated_cost", filter=Q(state=FundingNomination.State.PENDING)), Value(ZERO), output_field=_MONEY
        ),
        funded=Count("pk", filter=Q(state=FundingNomination.State.FUNDED)),
        pending=Count("pk", filter=Q(state=FundingNomination.State.PENDING)),
    )
    sums["remaining"] = call.budget - sums["committed"]
    sums["available"] = sums["remaining"] - sums["reserved"]
    return sums


def group_filter(group: str, *, prefix: str = "") -> Q:
    """The state delegations in a group of countries (COUNTRY_GROUPS), as a filter."""
    _label, codes, region = COUNTRY_GROUPS.get(group, ("", frozenset(), ""))
    q = Q(**{f"{prefix}kind": Delegation.Kind.STATE})
    if codes is not None:
        return q & Q(**{f"{prefix}country__in": sorted(codes)})
    return q & Q(**{f"{prefix}region": region})


def is_eligible(call: FundingCall, delegation: Delegation) -> bool:
    if delegation is None or delegation.is_retired:
        return False
    if call.eligibility == FundingCall.Eligibility.GROUP:
        return _in_group(call.country_group, delegation)
    return call.delegations.filter(pk=delegation.pk).exists()


def nominations_of(call: FundingCall, *, state: str = "") -> QuerySet[FundingNomination]:
    nominations = FundingNomination.objects.filter(call=call)
    if state:
        nominations = nominations.filter(state=state)
    return nominations.select_related("delegation", "person", "registration", "nominated_by").order_by(
        "delegation__name", "nominated_at", "pk"
    )


def nomination_of(call: FundingCall, pk: int) -> FundingNomination | None:
    return nominations_of(call).filter(pk=pk).first()


def delegation_nominations(call: FundingCall, delegation: Delegation) -> QuerySet[FundingNomination]:
    return nominations_of(call).filter(delegation=delegation)


def nominable_registrations(call: FundingCall, delegation: Delegation) -> QuerySet[Registration]:
    """The people a focal point may nominate: the delegation's pending or approved registrations for the
    call's meeting, not yet nominated in this call."""
    return (
        Registration.objects.filter(
            meeting_id=call.meeting_id, delegation=delegation, status__in=Registration.ACTIVE_STATUSES
        )
        .exclude(person__funding_nominations__call=call)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def open_calls_for(delegations, meeting) -> list[tuple[FundingCall, list]]:
    """The open and closed (decided) calls of a meeting, each with those of `delegations` that are eligible."""
    calls = list(
        FundingCall.objects.filter(meeting=meeting)
        .exclude(state=FundingCall.State.DRAFT)
        .prefetch_related("delegations")
        .order_by("-created_at", "-pk")[:20]
    )
    found = []
    for call in calls:
        listed = {d.pk for d in call.delegations.all()}
        eligible = []
        for delegation in delegations:
            if call.eligibility == FundingCall.Eligibility.GROUP:
                ok = _in_group(call.country_group, delegation)
            else:
                ok = delegation.pk in listed
            if ok and not delegation.is_retired:
                eligible.append(delegation)
        if eligible:
            found.append((call, eligible))
    return found


def _in_group(group: str, delegation: Delegation) -> bool:
    _label, codes, region = COUNTRY_GROUPS.get(group, ("", frozenset(), ""))
    if delegation.kind != Delegation.Kind.STATE:
        return False
    return str(delegation.country) in codes if codes is not None else delegation.region == region


def funded_rows(call: FundingCall):
    """The funded nominations of the report, by delegation and person."""
    return (
        FundingNomination.objects.filter(call=call, state=FundingNomination.State.FUNDED)
        .select_related("delegation", "person", "registration")
        .order_by("delegation__name", "person__last_name", "person__first_name", "pk")
    )
