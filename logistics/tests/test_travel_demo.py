"""The travel part of the demo: two illustrative partner hotels in Puerto Vallarta with blocks, arrivals and
bookings of the approved demo participants, no mail, and the same data after a second run."""

import pytest

from accounts.tests.factories import UserFactory, grant_chair_staff
from logistics.demo.travel import load_travel_demo
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from logistics.tests.factories_travel import approved, vallarta_meeting
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_the_demo_loads_hotels_arrivals_and_bookings_once():
    meeting = vallarta_meeting(number=4)
    grant_chair_staff(UserFactory(email="chair@example.org"), [meeting])
    for email in ("focalpoint.mx@example.org", "focalpoint.gh@example.org", "rapporteur@example.org"):
        approved(meeting, person=UserFactory(email=email))

    load_travel_demo()
    load_travel_demo()

    assert sorted(Hotel.objects.values_list("name", flat=True)) == [
        "Hotel Bahía de Banderas Plaza (illustrative)",
        "Hotel Riviera Vallarta (illustrative)",
    ]
    assert RoomBlock.objects.count() == 3
    assert TravelPlan.objects.count() == 3
    assert HotelBooking.objects.count() == 2
    suites = RoomBlock.objects.get(room_type="Junior suite, ocean view")
    assert (suites.rooms, suites.bookings.count()) == (2, 1)  # one suite left for the journey
    assert not OutgoingMail.objects.exists()
