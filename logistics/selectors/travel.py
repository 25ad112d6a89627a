"""travel: what the pages, the PDF and the exports read.

A booking holds its room while its registration is approved: every count of a block's rooms reads the
registration's status here, so a withdrawn or rejected registration frees its room."""

import datetime as dt
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Count, Prefetch, Q, QuerySet

from delegations.models import Registration
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from roundtables.models import Meeting

APPROVED = Registration.Status.APPROVED
# The bookings that hold a room (counted by the database in one aggregate per block).
HOLDING = Q(bookings__registration__status=APPROVED)


def booked_rooms(block: RoomBlock) -> int:
    """The rooms of `block` taken by approved registrations (call it with the block's row locked to decide)."""
    return HotelBooking.objects.filter(block_id=block.pk, registration__status=APPROVED).count()


def registration_for_travel(user, meeting: Meeting | None) -> Registration | None:
    """The person's registration for the meeting, whatever its state (the page explains what it allows),
    with their travel plan and booking in the same query."""
    if meeting is None or not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(meeting=meeting, person=user)
        .select_related("meeting", "delegation", "person", "travel_plan", "hotel_booking__block__hotel")
        .first()
    )


def blocks_with_counts(meeting: Meeting) -> QuerySet[RoomBlock]:
    """The meeting's room blocks with `taken` (rooms held by approved registrations), hotel by hotel."""
    return (
        RoomBlock.objects.filter(meeting=meeting)
        .select_related("hotel")
        .annotate(taken=Count("bookings", filter=HOLDING))
        .order_by("hotel__name", "hotel_id", "check_in", "room_type", "pk")
    )


def hotels_with_blocks(meeting: Meeting) -> QuerySet[Hotel]:
    """The meeting's partner hotels by name, each with `block_list` (its blocks and their counts): two queries."""
    return (
        Hotel.objects.filter(meeting=meeting)
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch(
                "blocks",
                queryset=RoomBlock.objects.annotate(taken=Count("bookings", filter=HOLDING)).order_by(
                    "check_in", "room_type", "pk"
                ),
                to_attr="block_list",
            )
        )
    )


def bookings_of_block(block: RoomBlock) -> QuerySet[HotelBooking]:
    return (
        HotelBooking.objects.filter(block=block)
        .select_related("registration__person", "registration__delegation")
        .order_by("registration__person__last_name", "registration__person__first_name", "pk")
    )


def arrivals(meeting: Meeting) -> QuerySet[TravelPlan]:
    """The approved participants' travel plans by arrival time, each with its person, delegation and hotel
    booking read in the same query."""
    return (
        TravelPlan.objects.filter(meeting=meeting, registration__status=APPROVED)
        .select_related(
            "registration__person",
            "registration__delegation",
            "registration__hotel_booking__block__hotel",
        )
        .order_by("arrival_at", "registration__person__last_name", "pk")
    )


def arrivals_by_day(plans, meeting: Meeting) -> list[tuple[dt.date, list[TravelPlan]]]:
    """The plans grouped by their arrival day in the meeting's zone (the plans in arrival order)."""
    zone = ZoneInfo(meeting.time_zone)
    return [
        (day, list(group)) for day, group in groupby(plans, key=lambda plan: plan.arrival_at.astimezone(zone).date())
    ]


def hotel_of(plan: TravelPlan) -> str:
    """The hotel the plan's participant booked, or ""."""
    booking = getattr(plan.registration, "hotel_booking", None)
    return booking.block.hotel.name if booking is not None else ""
