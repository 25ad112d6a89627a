"""funding: the demo. Mexico 2010's Chair's office funds the participation of delegates from least
developed and lower-income countries: a call with a budget of three places, Ghana's focal point nominates
two of its delegates, and one is funded. Made through the services; safe to run twice (the call is made
once, a person nominated once). Illustrative, not from the public record."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from delegations.models import Delegation, FocalPoint, Registration
from logistics.models.funding import FundingCall, FundingNomination
from logistics.services import funding as services
from mailings.services import suppressed
from roundtables.models import Meeting

MEXICO = 4
TITLE = "Participation of delegates from least developed countries"

CALL = {
    "title": {
        "en": TITLE,
        "fr": "Participation de délégués des pays les moins avancés",
        "es": "Participación de delegados de los países menos adelantados",
    },
    "description": {
        "en": "The Government of Mexico funds the participation of one delegate per eligible government in the "
        "Puerto Vallarta meeting: an economy-class return ticket, four hotel nights at the Convention Center's "
        "partner hotels and the daily allowance. (Illustrative demo call.)",
        "fr": "Le Gouvernement du Mexique finance la participation d'un délégué par gouvernement éligible à la "
        "réunion de Puerto Vallarta. (Appel fictif de la démonstration.)",
        "es": "El Gobierno de México financia la participación de un delegado por gobierno elegible en la reunión "
        "de Puerto Vallarta. (Convocatoria ilustrativa de la demostración.)",
    },
    "covers": ["airfare", "hotel", "allowance"],
    "covers_other": "",
    "eligibility": FundingCall.Eligibility.GROUP,
    "country_group": "lower_income",
    "delegations": [],
    "budget": "7500",
    "currency": "USD",
    "cost_per_place": "2500",
    "max_nominations": 2,
}

NOMINEES = [
    # e-mail, estimated cost, justification, funded amount (None: left for the Chair's office)
    (
        "rapporteur@example.org",
        "2450.00",
        "Rapporteur of session 1.1; the ministry has no travel budget for the meeting this year.",
        "2450.00",
    ),
    (
        "delegate.gh@example.org",
        "2500.00",
        "Counsellor in charge of diaspora engagement; speaks in session 2.1.",
        None,
    ),
]


def load_funding_demo() -> FundingCall | None:
    meeting = Meeting.objects.filter(number=MEXICO).first()
    ghana = Delegation.objects.filter(kind=Delegation.Kind.STATE, country="GH").first()
    chair = User.objects.filter(email="chair@example.org").first()
    if meeting is None or ghana is None or chair is None or meeting.closed_at is not None:
        return None
    focal_point = FocalPoint.objects.filter(delegation=ghana, meeting=meeting).select_related("user").first()
    with suppressed("demo"):
        call = FundingCall.objects.filter(meeting=meeting, title_en=TITLE).first()
        if call is None:
            # Nominations are taken until a month from now, whenever the demo is loaded.
            data = {**CALL, "deadline": timezone.now() + dt.timedelta(days=30)}
            call = services.funding_call_create(meeting=meeting, data=data, actor=chair)
            call = services.funding_call_open(call=call, actor=chair)
        if focal_point is None or not call.is_open:
            return call
        for email, cost, justification, amount in NOMINEES:
            registration = Registration.objects.filter(
                meeting=meeting, delegation=ghana, person__email=email, status__in=Registration.ACTIVE_STATUSES
            ).first()
            if registration is None:
                continue
            nomination = FundingNomination.objects.filter(call=call, person=registration.person).first()
            if nomination is None:
                nomination = services.funding_nominate(
                    call=call,
                    delegation=ghana,
                    registration=registration,
                    estimated_cost=cost,
                    justification=justification,
                    actor=focal_point.user,
                )
            if amount and nomination.state == FundingNomination.State.PENDING:
                services.funding_decide(
                    nomination=nomination,
                    fund=True,
                    amount=Decimal(amount),
                    reason="Funded from the host government's contribution.",
                    actor=chair,
                )
    return call
