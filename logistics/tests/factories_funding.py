"""Funding calls for the tests, and a world with Ghana's focal point and delegates."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory, make_focal_point
from logistics.models.funding import FundingCall, FundingNomination


def make_call(meeting, *, delegations=(), state=FundingCall.State.OPEN, **kwargs) -> FundingCall:
    values = {
        "title_en": "Participation of delegates from least developed countries",
        "covers": ["airfare", "hotel", "allowance"],
        "eligibility": FundingCall.Eligibility.DELEGATIONS if delegations else FundingCall.Eligibility.GROUP,
        "country_group": "" if delegations else "lower_income",
        "budget": Decimal("2500.00"),
        "currency": "USD",
        "cost_per_place": Decimal("2500.00"),
        "max_nominations": 2,
        "deadline": timezone.now() + dt.timedelta(days=10),
        "state": state,
    }
    values.update(kwargs)
    call = FundingCall.objects.create(meeting=meeting, **values)
    call.delegations.set(delegations)
    return call


def make_nomination(call, registration, *, cost=Decimal("500.00"), state=FundingNomination.State.PENDING, amount=None):
    return FundingNomination.objects.create(
        call=call,
        registration=registration,
        delegation=registration.delegation,
        person=registration.person,
        estimated_cost=cost,
        justification="First GFMD meeting for the ministry's migration desk.",
        state=state,
        amount=amount,
        nominated_at=timezone.now(),
    )


@dataclass
class FundingWorld:
    meeting: object
    ghana: object
    mexico: object
    fp_ghana: object
    kofi: object  # registration, Ghana, pending
    ama: object  # registration, Ghana, approved
    yaw: object  # registration, Ghana, approved
    fp_mexico: object
    mexican: object  # registration, Mexico, approved


def funding_world(meeting) -> FundingWorld:
    ghana = DelegationFactory(country="GH", name="Ghana", region="africa")
    mexico = DelegationFactory(country="MX", name="Mexico", region="americas")
    fp_ghana = UserFactory(first_name="Kwame", last_name="Mensah", email="fp.gh@example.org")
    make_focal_point(fp_ghana, ghana, meeting)
    fp_mexico = UserFactory(first_name="Ana", last_name="López", preferred_language="es")
    make_focal_point(fp_mexico, mexico, meeting)

    def register(first, last, delegation, status):
        return RegistrationFactory(
            meeting=meeting,
            delegation=delegation,
            status=status,
            person=UserFactory(first_name=first, last_name=last, preferred_language="fr" if first == "Ama" else "en"),
        )

    return FundingWorld(
        meeting=meeting,
        ghana=ghana,
        mexico=mexico,
        fp_ghana=fp_ghana,
        kofi=register("Kofi", "Boateng", ghana, Registration.Status.PENDING),
        ama=register("Ama", "Owusu", ghana, Registration.Status.APPROVED),
        yaw=register("Yaw", "Asante", ghana, Registration.Status.APPROVED),
        fp_mexico=fp_mexico,
        mexican=register("Luis", "Pérez", mexico, Registration.Status.APPROVED),
    )
