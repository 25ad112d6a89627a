"""funding: one function per write. The Chair's office of a meeting creates, edits, opens and closes its
funding calls and decides the nominations; focal points of eligible delegations nominate their people.

The budget is never over-committed: a nomination is refused when what remains of the budget, less the
pending nominations' estimated costs, cannot cover its estimated cost; a decision to fund is refused when
the funded amounts would pass the budget. Both read the sums under the call's row lock, so two people
taking the last place at once are ordered: one wins, the other gets the message. Not the person:
PermissionDenied; the person, but not this state or this input: ValidationError with a message."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.models import Delegation, Registration
from delegations.permissions import InMeeting
from delegations.selectors import focal_points_of, holds_focal_point_role
from gfmd import languages
from gfmd.text import printable
from logistics.models.funding import COUNTRY_GROUPS, COVERS, FundingCall, FundingNomination
from logistics.permissions.funding import MANAGE_FUNDING, NOMINATE_FOR_FUNDING
from logistics.selectors import funding as selectors
from mailings.services import send_to_people
from roundtables.editions import ensure_open

State = FundingCall.State
Nomination = FundingNomination.State

MAX_TITLE = 200
MAX_DESCRIPTION = 5000
MAX_COVERS_OTHER = 300
MAX_JUSTIFICATION = 2000
MAX_REASON = 2000
MAX_DELEGATIONS = 200
MAX_NOMINATIONS_PER_DELEGATION = 50
# Twelve digits, two of them after the point (the columns' DecimalField).
MAX_AMOUNT = Decimal("9999999999.99")
CENT = Decimal("0.01")


def money(value: Decimal, currency: str) -> str:
    """An amount as people read it: "2,500.00 USD" in English, "2 500,00 USD" in French."""
    return f"{formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)} {currency}"


def parse_amount(value, *, positive: bool = True) -> Decimal:
    """A sum of money from a form or a caller: a finite Decimal with at most two decimals, not negative
    (and above zero when `positive`), below MAX_AMOUNT. Raises ValueError with the message to show."""
    if isinstance(value, Decimal):
        amount = value
    else:
        try:
            amount = Decimal(_normalised(str(value if value is not None else "")))
        except (InvalidOperation, ValueError):
            raise ValueError(_("Enter an amount, such as 2500 or 2500.50.")) from None
    if not amount.is_finite():
        raise ValueError(_("Enter an amount, such as 2500 or 2500.50."))
    if amount < 0:
        raise ValueError(_("An amount cannot be negative."))
    if positive and amount == 0:
        raise ValueError(_("Enter an amount above zero."))
    if amount > MAX_AMOUNT:
        raise ValueError(_("This amount is too large."))
    if amount != amount.quantize(CENT, rounding="ROUND_DOWN"):
        raise ValueError(_("Enter the amount to the cent at most (two decimals)."))
    return amount.quantize(CENT)


def _normalised(text: str) -> str:
    """2 500,50 / 2,500.50 / 2500.50 as Decimal reads them: spaces dropped; with a point, commas group
    thousands; a lone comma followed by three digits groups them too, else it is the decimal comma."""
    text = "".join(text.split()).replace("\u202f", "").replace("'", "")
    if len(text) > 30:
        raise ValueError
    if "," in text:
        if "." in text:
            text = text.replace(",", "")
        else:
            head, _sep, tail = text.rpartition(",")
            text = (
                text.replace(",", "") if len(tail) == 3 and "," not in head[-4:] else head.replace(",", "") + "." + tail
            )
    return text


def _clean_call(data: dict) -> dict:
    """The call's fields from `data`, checked; every error named by its field at once."""
    errors: dict[str, str] = {}
    cleaned: dict = {}
    for base, limit, required in (("title", MAX_TITLE, True), ("description", MAX_DESCRIPTION, False)):
        texts = data.get(base) or {}
        for code in languages.CODES:
            text = printable(str(texts.get(code) or "")).strip()
            if code == languages.DEFAULT and required and not text:
                errors[f"{base}_{code}"] = _("Write the title in English.")
            elif len(text) > limit:
                errors[f"{base}_{code}"] = _("Keep it under %(count)s characters.") % {"count": limit}
            cleaned[f"{base}_{code}"] = text
    covers = [key for key in dict.fromkeys(data.get("covers") or ()) if key in COVERS]
    if len(covers) != len(set(data.get("covers") or ())):
        errors["covers"] = _("Choose among the listed items.")
    other = printable(str(data.get("covers_other") or "")).strip()
    if len(other) > MAX_COVERS_OTHER:
        errors["covers_other"] = _("Keep it under %(count)s characters.") % {"count": MAX_COVERS_OTHER}
    if not covers and not other:
        errors["covers"] = _("Say what a funded place covers: tick at least one item, or describe it.")
    cleaned.update(covers=covers, covers_other=other)
    eligibility = data.get("eligibility")
    group = data.get("country_group") or ""
    delegations = list(data.get("delegations") or ())
    if eligibility == FundingCall.Eligibility.GROUP:
        if group not in COUNTRY_GROUPS:
            errors["country_group"] = _("Choose a group of countries.")
        delegations = []
    elif eligibility == FundingCall.Eligibility.DELEGATIONS:
        group = ""
        if not delegations:
            errors["delegations"] = _("Choose at least one delegation.")
        elif len(delegations) > MAX_DELEGATIONS:
            errors["delegations"] = _("Choose at most %(count)s delegations.") % {"count": MAX_DELEGATIONS}
        elif any(d.kind != Delegation.Kind.STATE or d.is_retired for d in delegations):
            errors["delegations"] = _("Only active state delegations can be eligible.")
    else:
        errors["eligibility"] = _("Choose who is eligible: a list of delegations or a group of countries.")
    cleaned.update(eligibility=eligibility, country_group=group, delegations=delegations)
    for field, positive in (("budget", False), ("cost_per_place", True)):
        try:
            cleaned[field] = parse_amount(data.get(field), positive=positive)
        except ValueError as error:
            errors[field] = str(error)
    if "budget" in cleaned and "cost_per_place" in cleaned and cleaned["cost_per_place"] > cleaned["budget"]:
        errors["cost_per_place"] = _("The cost of one place is above the whole budget.")
    currency = data.get("currency")
    if currency not in FundingCall.Currency.values:
        errors["currency"] = _("Choose a currency.")
    cleaned["currency"] = currency
    try:
        limit = int(data.get("max_nominations"))
    except (TypeError, ValueError):
        limit = 0
    if not 1 <= limit <= MAX_NOMINATIONS_PER_DELEGATION:
        errors["max_nominations"] = _("Allow between 1 and %(count)s nominations per delegation.") % {
            "count": MAX_NOMINATIONS_PER_DELEGATION
        }
    cleaned["max_nominations"] = limit
    deadline = data.get("deadline")
    if deadline is None or not hasattr(deadline, "tzinfo"):
        errors["deadline"] = _("Give the nomination deadline.")
    cleaned["deadline"] = deadline
    if errors:
        raise ValidationError(errors)
    return cleaned


def _save_call(call: FundingCall, cleaned: dict) -> None:
    delegations = cleaned.pop("delegations")
    for name, value in cleaned.items():
        setattr(call, name, value)
    call.save()
    call.delegations.set(delegations)


def _locked_call(call: FundingCall) -> FundingCall:
    return FundingCall.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=call.pk)


def _check_manager(actor, meeting) -> None:
    if actor is None or not actor.is_authenticated or not actor.has_perm(MANAGE_FUNDING, meeting):
        raise PermissionDenied


def _committed(call: FundingCall, *, exclude: int | None = None) -> Decimal:
    nominations = FundingNomination.objects.filter(call=call, state=Nomination.FUNDED)
    if exclude:
        nominations = nominations.exclude(pk=exclude)
    return nominations.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


@transaction.atomic
def funding_call_create(*, meeting, data: dict, actor) -> FundingCall:
    """A draft call of `meeting` by its Chair's office; nobody sees it until it is opened."""
    _check_manager(actor, meeting)
    ensure_open(meeting, actor)
    cleaned = _clean_call(data)
    call = FundingCall(meeting=meeting, created_by=actor)
    _save_call(call, cleaned)
    activity_log(
        actor=actor,
        action="logistics.funding_call.created",
        obj=call,
        meeting=meeting,
        data={"budget": str(call.budget), "currency": call.currency},
    )
    return call


@transaction.atomic
def funding_call_update(*, call: FundingCall, data: dict, actor) -> FundingCall:
    """Edit a draft or open call. The budget never drops below what is committed, and the currency stays
    once someone is nominated."""
    _check_manager(actor, call.meeting)
    call = _locked_call(call)
    ensure_open(call.meeting, actor)
    if call.state == State.CLOSED:
        raise ValidationError(_("This call is closed: it can no longer be changed."))
    cleaned = _clean_call(data)
    committed = _committed(call)
    if cleaned["budget"] < committed:
        raise ValidationError(
            {
                "budget": _("%(amount)s is already committed: the budget cannot be lower.")
                % {"amount": money(committed, call.currency)}
            }
        )
    if cleaned["currency"] != call.currency and call.nominations.exists():
        raise ValidationError(
            {"currency": _("People are nominated in %(currency)s: the currency stays.") % {"currency": call.currency}}
        )
    _save_call(call, cleaned)
    activity_log(
        actor=actor,
        action="logistics.funding_call.updated",
        obj=call,
        meeting=call.meeting,
        data={"budget": str(call.budget), "currency": call.currency},
    )
    return call


@transaction.atomic
def funding_call_open(*, call: FundingCall, actor) -> FundingCall:
    """Open a draft call for nominations (its deadline still ahead)."""
    _check_manager(actor, call.meeting)
    call = _locked_call(call)
    ensure_open(call.meeting, actor)
    if call.state != State.DRAFT:
        raise ValidationError(_("Only a draft call can be opened."))
    if call.deadline <= timezone.now():
        raise ValidationError({"deadline": _("The nomination deadline has passed: set a later one first.")})
    call.state = State.OPEN
    call.save(update_fields=["state", "updated_at"])
    activity_log(actor=actor, action="logistics.funding_call.opened", obj=call, meeting=call.meeting)
    return call


@transaction.atomic
def funding_call_close(*, call: FundingCall, actor) -> FundingCall:
    """Close an open call: no more nominations; the pending ones can still be decided."""
    _check_manager(actor, call.meeting)
    call = _locked_call(call)
    ensure_open(call.meeting, actor)
    if call.state != State.OPEN:
        raise ValidationError(_("Only an open call can be closed."))
    call.state = State.CLOSED
    call.save(update_fields=["state", "updated_at"])
    activity_log(actor=actor, action="logistics.funding_call.closed", obj=call, meeting=call.meeting)
    return call


def funding_nominate(
    *,
    call: FundingCall,
    delegation: Delegation,
    registration: Registration | None,
    estimated_cost,
    justification: str,
    actor,
) -> FundingNomination:
    """A focal point of `delegation` in the call's meeting nominates one of its registered people."""
    meeting = call.meeting
    if actor is None or not actor.has_perm(NOMINATE_FOR_FUNDING, InMeeting.of(delegation, meeting)):
        raise PermissionDenied
    errors: dict[str, str] = {}
    justification = printable(justification or "").strip()
    if not justification:
        errors["justification"] = _("Say why this person's participation should be funded.")
    elif len(justification) > MAX_JUSTIFICATION:
        errors["justification"] = _("Keep it under %(count)s characters.") % {"count": MAX_JUSTIFICATION}
    try:
        cost = parse_amount(estimated_cost)
    except ValueError as error:
        errors["estimated_cost"] = str(error)
        cost = None
    if registration is None:
        errors["registration"] = _("Choose a person of your delegation.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        call = _locked_call(call)
        ensure_open(meeting, actor)
        # Read again in the transaction: the role may have been revoked since the request began.
        if not holds_focal_point_role(actor, delegation, meeting):
            raise PermissionDenied
        if call.state != State.OPEN:
            raise ValidationError(_("This call is not open for nominations."))
        if call.deadline <= timezone.now():
            raise ValidationError(_("The nomination deadline of this call has passed."))
        if not selectors.is_eligible(call, delegation):
            raise ValidationError(
                _("%(delegation)s is not eligible for this call.") % {"delegation": delegation.display_name}
            )
        registration = (
            Registration.objects.filter(
                pk=registration.pk,
                meeting_id=meeting.pk,
                delegation=delegation,
                status__in=Registration.ACTIVE_STATUSES,
            )
            .select_related("person")
            .first()
        )
        if registration is None:
            raise ValidationError(
                {"registration": _("Choose a person registered for this meeting with your delegation.")}
            )
        if FundingNomination.objects.filter(call=call, person_id=registration.person_id).exists():
            raise ValidationError({"registration": _("This person is already nominated in this call.")})
        used = (
            FundingNomination.objects.filter(call=call, delegation=delegation)
            .exclude(state=Nomination.DECLINED)
            .count()
        )
        if used >= call.max_nominations:
            raise ValidationError(
                {
                    "registration": _(
                        "Your delegation has already nominated %(count)s people, the most this call allows."
                    )
                    % {"count": call.max_nominations}
                }
            )
        figures = selectors.budget_figures(call)
        if cost > figures["available"]:
            raise ValidationError(
                {
                    "estimated_cost": _(
                        "The budget cannot fund this nomination: %(available)s remains once the nominations "
                        "awaiting a decision are counted, and this one is estimated at %(cost)s."
                    )
                    % {
                        "available": money(max(figures["available"], Decimal("0")), call.currency),
                        "cost": money(cost, call.currency),
                    }
                }
            )
        nomination = FundingNomination.objects.create(
            call=call,
            registration=registration,
            delegation=delegation,
            person=registration.person,
            estimated_cost=cost,
            justification=justification,
            nominated_by=actor,
            nominated_at=timezone.now(),
        )
        activity_log(
            actor=actor,
            action="logistics.funding_nomination.created",
            obj=nomination,
            meeting=meeting,
            data={"call": call.pk, "delegation": delegation.pk, "estimated_cost": str(cost)},
        )
    return nomination


def _notify_decision(nomination: FundingNomination) -> None:
    """The nominated person and the delegation's focal points, each in their language."""
    call = nomination.call
    people = {nomination.person_id: nomination.person}
    for focal_point in focal_points_of(nomination.delegation, meeting=call.meeting):
        people.setdefault(focal_point.user_id, focal_point.user)
    url = settings.SITE_URL + reverse("logistics:funding_nominations", kwargs={"number": call.meeting.number})

    def context(person) -> dict:
        return {
            "call": call.title,
            "meeting": call.meeting.title,
            "nominee": nomination.person.display_name,
            "delegation": nomination.delegation.display_name,
            "funded": nomination.state == Nomination.FUNDED,
            "amount": money(nomination.amount, call.currency) if nomination.amount is not None else "",
            "covered": ", ".join(call.covered_labels()),
            "reason": nomination.reason,
            "url": url,
        }

    send_to_people("logistics.funding_decided", list(people.values()), context=context)


@transaction.atomic
def funding_decide(*, nomination: FundingNomination, fund: bool, amount=None, reason: str = "", actor):
    """The Chair's office funds a pending nomination with an amount, or declines it with a reason. Funding
    is refused when the funded amounts would pass the budget (read under the call's lock)."""
    call = nomination.call
    _check_manager(actor, call.meeting)
    reason = printable(reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": _("Keep it under %(count)s characters.") % {"count": MAX_REASON}})
    if fund:
        try:
            amount = parse_amount(amount)
        except ValueError as error:
            raise ValidationError({"amount": str(error)}) from None
    elif not reason:
        raise ValidationError({"reason": _("Say why the nomination is declined; the focal point reads it.")})
    call = _locked_call(call)
    ensure_open(call.meeting, actor)
    nomination = (
        FundingNomination.objects.select_for_update(of=("self",))
        .select_related("person", "delegation")
        .get(pk=nomination.pk, call=call)
    )
    nomination.call = call
    if nomination.state != Nomination.PENDING:
        raise ValidationError(
            _("This nomination is already decided (%(state)s).") % {"state": nomination.get_state_display()}
        )
    if call.state == State.DRAFT:
        raise ValidationError(_("This call is a draft."))
    if fund:
        committed = _committed(call)
        if committed + amount > call.budget:
            raise ValidationError(
                {
                    "amount": _(
                        "The budget cannot fund this: %(committed)s of %(budget)s is already committed, so "
                        "%(remaining)s remains and this would need %(amount)s."
                    )
                    % {
                        "committed": money(committed, call.currency),
                        "budget": money(call.budget, call.currency),
                        "remaining": money(call.budget - committed, call.currency),
                        "amount": money(amount, call.currency),
                    }
                }
            )
        nomination.state = Nomination.FUNDED
        nomination.amount = amount
    else:
        nomination.state = Nomination.DECLINED
        nomination.amount = None
    nomination.reason = reason
    nomination.decided_by = actor
    nomination.decided_at = timezone.now()
    nomination.save(update_fields=["state", "amount", "reason", "decided_by", "decided_at"])
    if fund:
        activity_log(
            actor=actor,
            action="logistics.funding_nomination.funded",
            obj=nomination,
            meeting=call.meeting,
            data={"call": call.pk, "amount": str(amount)},
        )
    else:
        activity_log(actor=actor, action="logistics.funding_nomination.declined", obj=nomination, meeting=call.meeting)
    _notify_decision(nomination)
    return nomination


__all__ = [
    "funding_call_close",
    "funding_call_create",
    "funding_call_open",
    "funding_call_update",
    "funding_decide",
    "funding_nominate",
    "money",
    "parse_amount",
]
