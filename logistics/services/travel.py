"""travel: every write of the travel and hotel part, one function per change.

A participant with an approved registration saves their arrival and departure (`travel_plan_save`), books
a room of a partner hotel's block (`room_book`) and cancels it (`booking_cancel`); the Chair's office adds
and changes partner hotels (`hotel_save`) and their room blocks (`block_save`). Each locks the rows it
decides on, checks its rule (PermissionDenied for the wrong person, a ValidationError with a message for
the wrong state or input, by field), refuses a closed meeting, saves and writes the activity log in one
transaction.

Capacity: a block's row is locked (`select_for_update(of=("self",))`) before its bookings are counted, so
two people booking its last room take turns and the second is refused. Only bookings of approved
registrations count (selectors.travel.booked_rooms): a withdrawn or rejected registration frees its room."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity.services import activity_log
from delegations.models import Registration
from gfmd import languages
from gfmd.text import printable
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from logistics.permissions.travel import BOOK_ROOM, CANCEL_BOOKING, MANAGE_HOTELS, PLAN_TRAVEL, WHO
from logistics.selectors.travel import booked_rooms
from mailings.services import send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting

# How far around the meeting people may arrive, leave and stay: a week before its first day, a week after
# its last.
MARGIN = dt.timedelta(days=7)
MAX_NOTES = 2000


@dataclass
class TravelInput:
    """A participant's arrival and departure: aware datetimes (the form reads them in the meeting's zone)."""

    arrival_at: dt.datetime
    departure_at: dt.datetime
    arrival_flight: str = ""
    arrival_airline: str = ""
    arrival_airport: str = ""
    departure_flight: str = ""
    departure_airline: str = ""
    departure_airport: str = ""
    needs_transfer: bool = False


@dataclass
class HotelInput:
    name: str
    address: str
    website: str = ""
    notes: dict[str, str] | None = None  # by language


@dataclass
class BlockInput:
    room_type: str
    nightly_rate: Decimal
    currency: str
    rooms: int
    check_in: dt.date
    check_out: dt.date
    booking_deadline: dt.date


# -- Checks -----------------------------------------------------------------------------------------------


def _require_who(actor, perm: str, obj) -> None:
    """The "who" half of the rule (logistics.permissions.travel.WHO): PermissionDenied for anyone else."""
    if actor is None or not actor.is_authenticated or not WHO[perm].test(actor, obj):
        raise PermissionDenied


def _require_approved(actor, perm: str, registration: Registration) -> None:
    """The whole rule on the locked registration: not theirs, 403; theirs but not approved, a message."""
    _require_who(actor, perm, registration)
    if not actor.has_perm(perm, registration):
        raise ValidationError(
            _("Your registration for %(meeting)s is “%(status)s”: travel and hotel bookings open once it is approved.")
            % {"meeting": registration.meeting.title, "status": registration.get_status_display()},
            code="not_approved",
        )


def _lock_registration(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("meeting", "person", "delegation")
        .get(pk=registration.pk)
    )


def window(meeting: Meeting) -> tuple[dt.date, dt.date]:
    """The first and last day people may arrive, leave or stay: a week around the meeting."""
    return meeting.start_date - MARGIN, meeting.end_date + MARGIN


def _day(day: dt.date) -> str:
    return date_format(day, "j F Y")


def _window_message(meeting: Meeting) -> str:
    first, last = window(meeting)
    return _("Choose a date from %(first)s to %(last)s (a week before and after the meeting).") % {
        "first": _day(first),
        "last": _day(last),
    }


def _local_day(moment: dt.datetime, meeting: Meeting) -> dt.date:
    return moment.astimezone(ZoneInfo(meeting.time_zone)).date()


def _text(value: str, limit: int) -> str:
    return printable(value or "").strip()[:limit]


def clean_website(value: str) -> str:
    """An http(s) address with a host, or "" (javascript:, data:, ftp: refused)."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
        or len(value) > 200
    ):
        raise ValidationError(
            {"website": _("Give a web address starting with http:// or https://, e.g. https://www.example.org/.")},
            code="bad_link",
        )
    return value


# -- The participant ----------------------------------------------------------------------------------------


def travel_plan_errors(meeting: Meeting, data: TravelInput) -> dict[str, list[str]]:
    """What is wrong with the dates, by field: each outside the week around the meeting, or a departure
    before the arrival."""
    errors: dict[str, list[str]] = {}
    first, last = window(meeting)
    for name, moment in (("arrival_at", data.arrival_at), ("departure_at", data.departure_at)):
        if moment is None:
            errors[name] = [_("Give the date and time.")]
        elif not first <= _local_day(moment, meeting) <= last:
            errors[name] = [_window_message(meeting)]
    if not errors and data.departure_at <= data.arrival_at:
        errors["departure_at"] = [_("The departure must come after the arrival.")]
    return errors


@transaction.atomic
def travel_plan_save(*, actor, registration: Registration, data: TravelInput) -> TravelPlan:
    """The participant's arrival and departure, entered or changed."""
    registration = _lock_registration(registration)
    _require_approved(actor, PLAN_TRAVEL, registration)
    meeting = registration.meeting
    ensure_open(meeting, actor)
    errors = travel_plan_errors(meeting, data)
    if errors:
        raise ValidationError(errors, code="travel_window")
    plan = TravelPlan.objects.filter(registration=registration).first() or TravelPlan(
        registration=registration, meeting=meeting
    )
    created = plan.pk is None
    plan.arrival_at = data.arrival_at
    plan.departure_at = data.departure_at
    plan.arrival_flight = _text(data.arrival_flight, 20)
    plan.arrival_airline = _text(data.arrival_airline, 100)
    plan.arrival_airport = _text(data.arrival_airport, 150)
    plan.departure_flight = _text(data.departure_flight, 20)
    plan.departure_airline = _text(data.departure_airline, 100)
    plan.departure_airport = _text(data.departure_airport, 150)
    plan.needs_transfer = bool(data.needs_transfer)
    plan.save()
    activity_log(
        actor=actor,
        action="logistics.travel_plan.saved",
        obj=plan,
        meeting=meeting,
        data={"created": created, "needs_transfer": plan.needs_transfer},
    )
    return plan


def _lock_block(block: RoomBlock) -> RoomBlock:
    return RoomBlock.objects.select_for_update(of=("self",)).select_related("hotel").get(pk=block.pk)


@transaction.atomic
def room_book(
    *, actor, registration: Registration, block: RoomBlock, check_in: dt.date, check_out: dt.date
) -> HotelBooking:
    """One room of `block` for the participant's approved registration, for nights within the block's
    window; refused when the block is full or they already hold a room for this meeting."""
    registration = _lock_registration(registration)
    _require_approved(actor, BOOK_ROOM, registration)
    meeting = registration.meeting
    ensure_open(meeting, actor)
    # Always in this order (registration, then block), so two bookings never wait on each other crosswise.
    block = _lock_block(block)
    if block.meeting_id != meeting.pk:
        raise PermissionDenied
    existing = HotelBooking.objects.filter(registration=registration).select_related("block__hotel").first()
    if existing is not None:
        raise ValidationError(
            _("You already have a room at %(hotel)s for this meeting: cancel it first to book another.")
            % {"hotel": existing.block.hotel.name},
            code="already_booked",
        )
    errors: dict[str, list[str]] = {}
    if check_in is None:
        errors["check_in"] = [_("Give the check-in date.")]
    if check_out is None:
        errors["check_out"] = [_("Give the check-out date.")]
    if not errors:
        window_text = _("This room can be booked for nights from %(first)s to %(last)s.") % {
            "first": _day(block.check_in),
            "last": _day(block.check_out),
        }
        if not block.check_in <= check_in < block.check_out:
            errors["check_in"] = [window_text]
        if not block.check_in < check_out <= block.check_out:
            errors["check_out"] = [window_text]
        if not errors and check_out <= check_in:
            errors["check_out"] = [_("Check out at least one night after you check in.")]
    if errors:
        raise ValidationError(errors, code="booking_dates")
    # The block's row is locked: nobody else counts or books its rooms until this transaction ends.
    taken = booked_rooms(block)
    if taken >= block.rooms:
        raise ValidationError(
            ngettext(
                "%(block)s is full: its %(rooms)s room is taken. Choose another hotel or room type.",
                "%(block)s is full: all its %(rooms)s rooms are taken. Choose another hotel or room type.",
                block.rooms,
            )
            % {"block": f"{block.hotel.name}, {block.room_type}", "rooms": block.rooms},
            code="block_full",
        )
    booking = HotelBooking.objects.create(
        block=block,
        registration=registration,
        meeting=meeting,
        check_in=check_in,
        check_out=check_out,
        booked_by=actor,
    )
    activity_log(
        actor=actor,
        action="logistics.hotel_booking.booked",
        obj=booking,
        meeting=meeting,
        data={"block": block.pk, "check_in": check_in.isoformat(), "check_out": check_out.isoformat()},
    )
    url = settings.SITE_URL + reverse("logistics:travel", kwargs={"number": meeting.number})

    def context(person) -> dict:  # called in the person's language: the dates in their words
        return {
            "meeting": meeting.title,
            "hotel": block.hotel.name,
            "address": block.hotel.address,
            "room_type": block.room_type,
            "check_in": _day(check_in),
            "check_out": _day(check_out),
            "url": url,
        }

    send_to_people("logistics.travel_booking_confirmed", [registration.person], context=context)
    return booking


@transaction.atomic
def booking_cancel(*, actor, booking: HotelBooking) -> None:
    """Cancel a booking (its participant, or the Chair's office): the room is free again."""
    booking = (
        HotelBooking.objects.select_for_update(of=("self",))
        .select_related("registration", "block__hotel", "meeting")
        .filter(pk=booking.pk)
        .first()
    )
    if booking is None:
        raise ValidationError(_("This booking was already cancelled."), code="gone")
    if actor is None or not actor.has_perm(CANCEL_BOOKING, booking):
        raise PermissionDenied
    ensure_open(booking.meeting, actor)
    activity_log(
        actor=actor,
        action="logistics.hotel_booking.cancelled",
        obj=booking,
        meeting=booking.meeting,
        data={"block": booking.block_id, "registration": booking.registration_id},
    )
    booking.delete()


# -- The Chair's office -----------------------------------------------------------------------------------------


def _require_manager(actor, meeting: Meeting) -> None:
    if actor is None or not actor.is_authenticated or not actor.has_perm(MANAGE_HOTELS, meeting):
        raise PermissionDenied


@transaction.atomic
def hotel_save(*, actor, meeting: Meeting, data: HotelInput, hotel: Hotel | None = None) -> Hotel:
    """Add a partner hotel to the meeting, or change one of its hotels."""
    _require_manager(actor, meeting)
    ensure_open(meeting, actor)
    if hotel is not None:
        hotel = Hotel.objects.select_for_update(of=("self",)).get(pk=hotel.pk)
        if hotel.meeting_id != meeting.pk:
            raise PermissionDenied
    errors: dict[str, list[str]] = {}
    name = _text(data.name, 200)
    address = _text(data.address, 300)
    if not name:
        errors["name"] = [_("Give the hotel's name.")]
    elif Hotel.objects.filter(meeting=meeting, name__iexact=name).exclude(pk=getattr(hotel, "pk", None)).exists():
        errors["name"] = [_("This meeting already has a partner hotel of that name.")]
    if not address:
        errors["address"] = [_("Give the hotel's address.")]
    try:
        website = clean_website(data.website)
    except ValidationError as error:
        errors.update(error.message_dict)
        website = ""
    if errors:
        raise ValidationError(errors)
    created = hotel is None
    hotel = hotel or Hotel(meeting=meeting)
    hotel.name, hotel.address, hotel.website = name, address, website
    for code in languages.CODES:
        setattr(hotel, f"notes_{code}", _text((data.notes or {}).get(code, ""), MAX_NOTES))
    hotel.save()
    activity_log(
        actor=actor,
        action="logistics.hotel.added" if created else "logistics.hotel.changed",
        obj=hotel,
        meeting=meeting,
    )
    return hotel


def block_errors(meeting: Meeting, data: BlockInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    first, last = window(meeting)
    if not _text(data.room_type, 120):
        errors["room_type"] = [_("Give the room type, for example “Double room, sea view”.")]
    if data.nightly_rate is None or data.nightly_rate < 0:
        errors["nightly_rate"] = [_("Give the nightly rate, 0 or more.")]
    if not (data.currency or "").isascii() or not (data.currency or "").isalpha() or len(data.currency or "") != 3:
        errors["currency"] = [_("Give the currency as its three-letter code, for example MXN or USD.")]
    if data.rooms is None or data.rooms < 1:
        errors["rooms"] = [_("A block holds at least one room.")]
    for name in ("check_in", "check_out", "booking_deadline"):
        day = getattr(data, name)
        if day is None:
            errors[name] = [_("Give the date.")]
        elif name != "booking_deadline" and not first <= day <= last:
            errors[name] = [_window_message(meeting)]
    if "check_in" not in errors and "check_out" not in errors and data.check_out <= data.check_in:
        errors["check_out"] = [_("The last check-out must come at least one night after the first check-in.")]
    if "booking_deadline" not in errors and data.check_out and data.booking_deadline >= data.check_out:
        errors["booking_deadline"] = [_("The booking deadline must come before the last check-out.")]
    return errors


@transaction.atomic
def block_save(*, actor, hotel: Hotel, data: BlockInput, block: RoomBlock | None = None) -> RoomBlock:
    """Add a room block to a partner hotel, or change one; its rooms never go below those booked."""
    meeting = hotel.meeting
    _require_manager(actor, meeting)
    ensure_open(meeting, actor)
    if block is not None:
        block = _lock_block(block)
        if block.hotel_id != hotel.pk:
            raise PermissionDenied
    errors = block_errors(meeting, data)
    if block is not None and "rooms" not in errors:
        taken = booked_rooms(block)
        if data.rooms < taken:
            errors["rooms"] = [
                ngettext(
                    "%(count)s room of this block is booked: keep at least that many.",
                    "%(count)s rooms of this block are booked: keep at least that many.",
                    taken,
                )
                % {"count": taken}
            ]
        outside = block.bookings.filter(registration__status=Registration.Status.APPROVED).exclude(
            check_in__gte=data.check_in or dt.date.min, check_out__lte=data.check_out or dt.date.max
        )
        if "check_in" not in errors and "check_out" not in errors and outside.exists():
            errors["check_in"] = [_("Some bookings of this block fall outside these dates: keep their nights.")]
    if errors:
        raise ValidationError(errors)
    created = block is None
    block = block or RoomBlock(hotel=hotel, meeting=meeting)
    block.room_type = _text(data.room_type, 120)
    block.nightly_rate = data.nightly_rate
    block.currency = data.currency.upper()
    block.rooms = data.rooms
    block.check_in, block.check_out, block.booking_deadline = data.check_in, data.check_out, data.booking_deadline
    block.save()
    activity_log(
        actor=actor,
        action="logistics.room_block.added" if created else "logistics.room_block.changed",
        obj=block,
        meeting=meeting,
        data={"rooms": block.rooms},
    )
    return block
