"""Two participants book the last room of a block at the same moment: the block's row lock makes them
take turns, and exactly one gets it. Each thread has its own database connection."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from logistics.models import HotelBooking
from logistics.services.travel import room_book
from logistics.tests.factories_travel import HotelFactory, RoomBlockFactory, approved, vallarta_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(calls) -> list:
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            results[index] = "ok"
        except ValidationError as exc:
            results[index] = exc.messages
        except Exception as exc:  # an unexpected error fails the test, shown as such
            results[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def book(registration, block):
    return lambda: room_book(
        actor=registration.person,
        registration=registration,
        block=block,
        check_in=dt.date(2010, 11, 7),
        check_out=dt.date(2010, 11, 11),
    )


@pytest.mark.parametrize("people", [2, 8])
def test_the_last_room_of_a_block_goes_to_exactly_one(people):
    meeting = vallarta_meeting()
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting, name="Hotel Riviera"), room_type="Suite", rooms=2)
    room_book(
        actor=(first := approved(meeting)).person,
        registration=first,
        block=block,
        check_in=dt.date(2010, 11, 7),
        check_out=dt.date(2010, 11, 9),
    )
    registrations = [approved(meeting) for _ in range(people)]

    results = run_at_once([book(registration, block) for registration in registrations])

    assert results.count("ok") == 1
    full = ["Hotel Riviera, Suite is full: all its 2 rooms are taken. Choose another hotel or room type."]
    assert [result for result in results if result != "ok"] == [full] * (people - 1)
    assert HotelBooking.objects.filter(block=block).count() == 2


def test_one_person_booking_twice_at_once_gets_one_room():
    meeting = vallarta_meeting()
    hotel = HotelFactory(meeting=meeting)
    blocks = [RoomBlockFactory(hotel=hotel), RoomBlockFactory(hotel=hotel)]
    registration = approved(meeting)

    results = run_at_once([book(registration, block) for block in blocks])

    assert results.count("ok") == 1
    assert HotelBooking.objects.filter(registration=registration).count() == 1
