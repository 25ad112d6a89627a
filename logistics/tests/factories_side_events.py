"""Factories and helpers of the side events' tests (a 2010-like meeting: 8-11 November, Puerto Vallarta)."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from logistics.models import SideEvent
from logistics.services.side_events import SideEventInput

VALLARTA = ZoneInfo("America/Mexico_City")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2010, 11, day, hour, minute, tzinfo=VALLARTA)


def proposal(**changes) -> SideEventInput:
    values = {
        "texts": {
            "title": {"en": "Diaspora and development", "fr": "Diaspora et développement"},
            "description": {"en": "Diaspora organisations meet governments."},
        },
        "language": "en",
        "organisers": "Migrant Forum in Asia",
        "starts_at": at(10, 13, 15),
        "ends_at": at(10, 14, 45),
        "expected_attendance": 40,
        "needs_av": True,
        "room_capacity": 50,
        "registration_capacity": None,
    }
    values.update(changes)
    return SideEventInput(**values)


class SideEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SideEvent

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    delegation = factory.SubFactory("delegations.tests.factories.OrganisationFactory")
    proposed_by = factory.SubFactory("accounts.tests.factories.UserFactory")
    title_en = factory.Sequence(lambda n: f"Side event {n}")
    description_en = "About migration and development."
    organisers = "An organisation"
    starts_at = factory.LazyFunction(lambda: at(10, 13, 15))
    ends_at = factory.LazyFunction(lambda: at(10, 14, 45))
    expected_attendance = 30
