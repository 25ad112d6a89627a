"""The travel services: who may do what (the wrong person refused), the meeting's window, capacity,
cancellation, closed meetings, and hostile input."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from logistics.models import Hotel, HotelBooking, TravelPlan
from logistics.selectors.travel import booked_rooms
from logistics.services.travel import (
    BlockInput,
    HotelInput,
    TravelInput,
    block_save,
    booking_cancel,
    hotel_save,
    room_book,
    travel_plan_save,
)
from logistics.tests.factories_travel import (
    HotelFactory,
    RoomBlockFactory,
    approved,
    local,
    vallarta_meeting,
)
from mailings.models import OutgoingMail
from roundtables.editions import MeetingClosed

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(chair):
    return vallarta_meeting()


def plan(**kwargs) -> TravelInput:
    values = {
        "arrival_at": local(2010, 11, 7, 14, 30),
        "departure_at": local(2010, 11, 11, 19, 0),
        "arrival_flight": "AM 1528",
        "needs_transfer": True,
    }
    values.update(kwargs)
    return TravelInput(**values)


def block_input(**kwargs) -> BlockInput:
    values = {
        "room_type": "Double room",
        "nightly_rate": Decimal("120"),
        "currency": "usd",
        "rooms": 5,
        "check_in": dt.date(2010, 11, 6),
        "check_out": dt.date(2010, 11, 12),
        "booking_deadline": dt.date(2010, 10, 20),
    }
    values.update(kwargs)
    return BlockInput(**values)


def book(registration, block, check_in=dt.date(2010, 11, 7), check_out=dt.date(2010, 11, 11), actor=None):
    return room_book(
        actor=actor or registration.person,
        registration=registration,
        block=block,
        check_in=check_in,
        check_out=check_out,
    )


# -- Arrival and departure ---------------------------------------------------------------------------------------


def test_an_approved_participant_saves_and_changes_their_travel_plan(meeting):
    registration = approved(meeting)
    saved = travel_plan_save(actor=registration.person, registration=registration, data=plan())
    assert saved.arrival_at == local(2010, 11, 7, 14, 30)
    assert saved.needs_transfer is True
    travel_plan_save(actor=registration.person, registration=registration, data=plan(arrival_flight="AM 1530"))
    assert TravelPlan.objects.get().arrival_flight == "AM 1530"
    assert ActivityLog.objects.filter(action="logistics.travel_plan.saved").count() == 2


def test_someone_else_may_not_enter_a_participants_travel(meeting, chair):
    registration = approved(meeting)
    for actor in (UserFactory(), chair):
        with pytest.raises(PermissionDenied):
            travel_plan_save(actor=actor, registration=registration, data=plan())
    assert not TravelPlan.objects.exists()


@pytest.mark.parametrize("status", ["pending", "rejected", "withdrawn"])
def test_a_registration_not_approved_is_told_why(meeting, status):
    registration = RegistrationFactory(meeting=meeting, status=status, decision_reason="No" if status else "")
    with pytest.raises(ValidationError) as refused:
        travel_plan_save(actor=registration.person, registration=registration, data=plan())
    assert "once it is approved" in refused.value.messages[0]


@pytest.mark.parametrize(
    ("arrival", "departure", "field"),
    [
        (local(2010, 10, 31, 23, 0), local(2010, 11, 11, 19, 0), "arrival_at"),  # 8 days before
        (local(2010, 11, 7, 14, 0), local(2010, 11, 19, 0, 30), "departure_at"),  # 8 days after
        (local(2009, 11, 7, 14, 0), local(2010, 11, 11, 19, 0), "arrival_at"),  # a year early
    ],
)
def test_dates_outside_the_meetings_window_are_refused_next_to_the_field(meeting, arrival, departure, field):
    registration = approved(meeting)
    with pytest.raises(ValidationError) as refused:
        travel_plan_save(
            actor=registration.person, registration=registration, data=plan(arrival_at=arrival, departure_at=departure)
        )
    assert list(refused.value.message_dict) == [field]
    assert refused.value.message_dict[field] == [
        "Choose a date from 1 November 2010 to 18 November 2010 (a week before and after the meeting)."
    ]


def test_the_window_is_read_in_the_meetings_zone(meeting):
    """1 November 00:30 in Puerto Vallarta is 06:30 UTC: inside; 31 October 23:30 local is outside."""
    registration = approved(meeting)
    travel_plan_save(
        actor=registration.person, registration=registration, data=plan(arrival_at=local(2010, 11, 1, 0, 30))
    )
    with pytest.raises(ValidationError):
        travel_plan_save(
            actor=registration.person, registration=registration, data=plan(arrival_at=local(2010, 10, 31, 23, 30))
        )


def test_departure_before_arrival_is_refused(meeting):
    registration = approved(meeting)
    with pytest.raises(ValidationError) as refused:
        travel_plan_save(
            actor=registration.person,
            registration=registration,
            data=plan(arrival_at=local(2010, 11, 9, 10, 0), departure_at=local(2010, 11, 9, 9, 0)),
        )
    assert refused.value.message_dict == {"departure_at": ["The departure must come after the arrival."]}


def test_a_closed_meeting_is_read_only(meeting):
    registration = approved(meeting)
    meeting.closed_at = timezone.now()
    meeting.save()
    with pytest.raises(MeetingClosed):
        travel_plan_save(actor=registration.person, registration=registration, data=plan())


def test_hostile_text_is_kept_as_text_without_control_characters(meeting):
    registration = approved(meeting)
    saved = travel_plan_save(
        actor=registration.person,
        registration=registration,
        data=plan(arrival_flight='=HYPERLINK("http://evil")', arrival_airport="<script>x</script>\x00\x1b"),
    )
    saved.refresh_from_db()
    assert saved.arrival_flight == '=HYPERLINK("http://e'  # as typed, to the field's 20 characters
    assert saved.arrival_airport == "<script>x</script>"


# -- Hotels and blocks -------------------------------------------------------------------------------------------


def test_the_chairs_office_adds_a_hotel_and_a_block(meeting, chair):
    hotel = hotel_save(
        actor=chair,
        meeting=meeting,
        data=HotelInput(
            name="Hotel Riviera Vallarta (illustrative)",
            address="Blvd. Medina Ascencio 2500",
            website="https://www.example.org/",
            notes={"en": "Near the venue", "fr": "Près du lieu", "es": "Cerca de la sede"},
        ),
    )
    assert hotel.notes_in("fr") == "Près du lieu"
    block = block_save(actor=chair, hotel=hotel, data=block_input())
    assert block.currency == "USD"
    assert block.meeting == meeting


def test_others_may_not_manage_hotels(meeting):
    participant = approved(meeting).person
    with pytest.raises(PermissionDenied):
        hotel_save(actor=participant, meeting=meeting, data=HotelInput(name="Hotel X", address="Somewhere"))
    hotel = HotelFactory(meeting=meeting)
    with pytest.raises(PermissionDenied):
        block_save(actor=participant, hotel=hotel, data=block_input())
    other_meetings_chair = UserFactory()
    from accounts.tests.factories import grant_chair_staff

    grant_chair_staff(other_meetings_chair, [vallarta_meeting(is_current=False)])
    with pytest.raises(PermissionDenied):
        block_save(actor=other_meetings_chair, hotel=hotel, data=block_input())


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org", "https://"])
def test_a_website_must_be_http(meeting, chair, website):
    with pytest.raises(ValidationError) as refused:
        hotel_save(actor=chair, meeting=meeting, data=HotelInput(name="Hotel X", address="Here", website=website))
    assert list(refused.value.message_dict) == ["website"]
    assert not Hotel.objects.exists()


def test_a_block_outside_the_meetings_window_is_refused(meeting, chair):
    hotel = HotelFactory(meeting=meeting)
    with pytest.raises(ValidationError) as refused:
        block_save(
            actor=chair,
            hotel=hotel,
            data=block_input(check_in=dt.date(2010, 10, 1), check_out=dt.date(2010, 11, 5), currency="U$"),
        )
    assert set(refused.value.message_dict) == {"check_in", "currency"}
    with pytest.raises(ValidationError) as refused:
        block_save(
            actor=chair,
            hotel=hotel,
            data=block_input(check_out=dt.date(2010, 11, 6), booking_deadline=dt.date(2010, 11, 20)),
        )
    assert set(refused.value.message_dict) == {"check_out", "booking_deadline"}


def test_a_blocks_rooms_never_go_below_those_booked(meeting, chair):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=3)
    book(approved(meeting), block)
    book(approved(meeting), block)
    with pytest.raises(ValidationError) as refused:
        block_save(actor=chair, hotel=block.hotel, block=block, data=block_input(rooms=1))
    assert refused.value.message_dict["rooms"] == ["2 rooms of this block are booked: keep at least that many."]
    block_save(actor=chair, hotel=block.hotel, block=block, data=block_input(rooms=2))


# -- Booking ---------------------------------------------------------------------------------------------------


def test_a_participant_books_a_room_and_gets_a_confirmation(meeting):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=2)
    registration = approved(meeting)
    booking = book(registration, block)
    assert booking.nights == 4
    assert booked_rooms(block) == 1
    mail = OutgoingMail.objects.get()
    assert mail.to == registration.person.email
    assert block.hotel.name in mail.subject


def test_the_last_room_goes_to_one_and_the_next_is_refused(meeting):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=1, room_type="Junior suite")
    book(approved(meeting), block)
    with pytest.raises(ValidationError) as refused:
        book(approved(meeting), block)
    assert refused.value.messages == [
        f"{block.hotel.name}, Junior suite is full: its 1 room is taken. Choose another hotel or room type."
    ]


def test_one_booking_per_registration(meeting):
    hotel = HotelFactory(meeting=meeting)
    first, second = RoomBlockFactory(hotel=hotel), RoomBlockFactory(hotel=hotel)
    registration = approved(meeting)
    book(registration, first)
    with pytest.raises(ValidationError, match="cancel it first"):
        book(registration, second)


def test_booking_refused_without_an_approved_registration_and_for_someone_else(meeting):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting))
    pending = RegistrationFactory(meeting=meeting, status=Registration.Status.PENDING)
    with pytest.raises(ValidationError, match="once it is approved"):
        book(pending, block)
    with pytest.raises(PermissionDenied):
        book(approved(meeting), block, actor=UserFactory())
    assert not HotelBooking.objects.exists()


def test_a_block_of_another_meeting_cannot_be_booked(meeting):
    other = RoomBlockFactory(hotel=HotelFactory(meeting=vallarta_meeting(is_current=False)))
    with pytest.raises(PermissionDenied):
        book(approved(meeting), other)


@pytest.mark.parametrize(
    ("check_in", "check_out", "fields"),
    [
        (dt.date(2010, 11, 5), dt.date(2010, 11, 8), {"check_in"}),
        (dt.date(2010, 11, 7), dt.date(2010, 11, 14), {"check_out"}),
        (dt.date(2010, 11, 9), dt.date(2010, 11, 9), {"check_out"}),
    ],
)
def test_nights_outside_the_blocks_window_are_refused(meeting, check_in, check_out, fields):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting))  # 6 to 13 November
    with pytest.raises(ValidationError) as refused:
        book(approved(meeting), block, check_in, check_out)
    assert set(refused.value.message_dict) == fields


def test_cancelling_frees_the_room(meeting, chair):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=1)
    first = book(approved(meeting), block)
    with pytest.raises(PermissionDenied):
        booking_cancel(actor=UserFactory(), booking=first)
    booking_cancel(actor=first.registration.person, booking=first)
    assert booked_rooms(block) == 0
    second = book(approved(meeting), block)
    booking_cancel(actor=chair, booking=second)  # the Chair's office may cancel too
    assert not HotelBooking.objects.exists()
    assert ActivityLog.objects.filter(action="logistics.hotel_booking.cancelled").count() == 2


def test_a_withdrawn_registration_frees_its_room(meeting):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=1)
    first = book(approved(meeting), block)
    Registration.objects.filter(pk=first.registration_id).update(status=Registration.Status.WITHDRAWN)
    assert booked_rooms(block) == 0
    book(approved(meeting), block)
