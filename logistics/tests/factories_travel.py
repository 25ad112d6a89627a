"""Factories of the travel part: a meeting in Puerto Vallarta's zone, approved participants, partner hotels
and room blocks within the meeting's window."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory

from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from roundtables.tests.factories import MeetingFactory

VALLARTA = ZoneInfo("America/Mexico_City")


def vallarta_meeting(**kwargs):
    """8-11 November 2010, in Puerto Vallarta's zone."""
    kwargs.setdefault("is_current", True)
    kwargs.setdefault("time_zone", "America/Mexico_City")
    return MeetingFactory(**kwargs)


def approved(meeting, person=None, **kwargs) -> Registration:
    if person is not None:
        kwargs["person"] = person
    return RegistrationFactory(meeting=meeting, status=Registration.Status.APPROVED, **kwargs)


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VALLARTA)


class HotelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hotel

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Hotel Playa {n} (illustrative)")
    address = "Av. México 1180, Puerto Vallarta"
    website = "https://www.example.org/hotel"
    notes_en = "10 minutes' walk to the venue."


class RoomBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoomBlock

    hotel = factory.SubFactory(HotelFactory)
    meeting = factory.SelfAttribute("hotel.meeting")
    room_type = factory.Sequence(lambda n: f"Double room {n}")
    nightly_rate = Decimal("120.00")
    currency = "USD"
    rooms = 10
    check_in = dt.date(2010, 11, 6)
    check_out = dt.date(2010, 11, 13)
    booking_deadline = dt.date(2010, 10, 20)


class HotelBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HotelBooking

    block = factory.SubFactory(RoomBlockFactory)
    meeting = factory.SelfAttribute("block.meeting")
    registration = factory.LazyAttribute(lambda booking: approved(booking.block.meeting))
    check_in = dt.date(2010, 11, 7)
    check_out = dt.date(2010, 11, 11)


class TravelPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TravelPlan

    registration = factory.LazyAttribute(lambda plan: approved(plan.meeting))
    meeting = factory.SubFactory(MeetingFactory)
    arrival_at = local(2010, 11, 7, 14, 30)
    arrival_flight = "AM 1528"
    arrival_airline = "Aeroméxico"
    arrival_airport = "Puerto Vallarta (PVR)"
    departure_at = local(2010, 11, 11, 19, 0)
    needs_transfer = True
