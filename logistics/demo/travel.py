"""travel: the demo's partner hotels in Puerto Vallarta for 2010 (meeting 4), their room blocks, and the
arrivals and bookings of a few approved participants, all through the services and without mail. The
hotels, rates and flights are illustrative, not from the public record: the names say so.

The junior suites of the first hotel keep one room free of two, so that the demo shows the last room
being booked (and the next person refused). Safe to run twice: what exists is left as it is."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from accounts.models import User
from delegations.models import Registration
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from logistics.services.travel import (
    BlockInput,
    HotelInput,
    TravelInput,
    block_save,
    hotel_save,
    room_book,
    travel_plan_save,
)
from mailings.services import suppressed
from roundtables.models import Meeting

MEXICO = 4
CHAIR = "chair@example.org"
VALLARTA = ZoneInfo("America/Mexico_City")

HOTELS = [
    {
        "name": "Hotel Riviera Vallarta (illustrative)",
        "address": "Blvd. Francisco Medina Ascencio 2500, Zona Hotelera Norte, 48333 Puerto Vallarta, Jal.",
        "website": "https://www.example.org/riviera-vallarta",
        "notes": {
            "en": "10 minutes' walk to the Convention Center. Breakfast included. Demo data, not a real hotel.",
            "fr": "À 10 minutes à pied du centre de congrès. Petit-déjeuner compris. Données de démonstration.",
            "es": "A 10 minutos a pie del Centro de Convenciones. Desayuno incluido. Datos de demostración.",
        },
        "blocks": [
            ("Double room, garden view", Decimal("115.00"), "USD", 20),
            ("Junior suite, ocean view", Decimal("185.00"), "USD", 2),
        ],
    },
    {
        "name": "Hotel Bahía de Banderas Plaza (illustrative)",
        "address": "Av. México 1180, Centro, 48300 Puerto Vallarta, Jal.",
        "website": "https://www.example.org/bahia-banderas-plaza",
        "notes": {
            "en": "In the old town, 20 minutes by shuttle bus to the Convention Center. Demo data, not a real hotel.",
            "fr": "Dans la vieille ville, à 20 minutes du centre de congrès en navette. Données de démonstration.",
            "es": "En el centro histórico, a 20 minutos del Centro de Convenciones en autobús. Datos de demostración.",
        },
        "blocks": [("Standard double room", Decimal("1650.00"), "MXN", 15)],
    },
]

# e-mail: (arrival, flight, airline, airport, departure, flight, transfer)
PLANS = {
    "focalpoint.mx@example.org": (
        dt.datetime(2010, 11, 7, 13, 20),
        "AM 1528",
        "Aeroméxico (illustrative)",
        "Puerto Vallarta (PVR)",
        dt.datetime(2010, 11, 11, 19, 10),
        "AM 1531",
        False,
    ),
    "focalpoint.gh@example.org": (
        dt.datetime(2010, 11, 7, 18, 45),
        "UA 1546",
        "United Airlines (illustrative)",
        "Puerto Vallarta (PVR)",
        dt.datetime(2010, 11, 12, 7, 30),
        "UA 1547",
        True,
    ),
    "rapporteur@example.org": (
        dt.datetime(2010, 11, 8, 9, 5),
        "AM 0214",
        "Aeroméxico (illustrative)",
        "Puerto Vallarta (PVR)",
        dt.datetime(2010, 11, 11, 21, 0),
        "AM 0219",
        True,
    ),
}

# e-mail: (hotel, room type, check-in, check-out)
BOOKINGS = {
    "focalpoint.mx@example.org": (HOTELS[0]["name"], "Junior suite, ocean view", (11, 7), (11, 11)),
    "focalpoint.gh@example.org": (HOTELS[1]["name"], "Standard double room", (11, 7), (11, 12)),
}


def _registration(meeting: Meeting, email: str) -> Registration | None:
    return (
        Registration.objects.filter(meeting=meeting, person__email=email, status=Registration.Status.APPROVED)
        .select_related("person", "meeting")
        .first()
    )


def load_travel_demo() -> None:
    meeting = Meeting.objects.filter(number=MEXICO).first()
    chair = User.objects.filter(email=CHAIR).first()
    if meeting is None or chair is None or meeting.closed_at is not None:
        return
    with suppressed("demo: travel and hotels"):
        for spec in HOTELS:
            hotel = Hotel.objects.filter(meeting=meeting, name=spec["name"]).first()
            if hotel is None:
                hotel = hotel_save(
                    actor=chair,
                    meeting=meeting,
                    data=HotelInput(
                        name=spec["name"], address=spec["address"], website=spec["website"], notes=spec["notes"]
                    ),
                )
            for room_type, rate, currency, rooms in spec["blocks"]:
                if RoomBlock.objects.filter(hotel=hotel, room_type=room_type).exists():
                    continue
                block_save(
                    actor=chair,
                    hotel=hotel,
                    data=BlockInput(
                        room_type=room_type,
                        nightly_rate=rate,
                        currency=currency,
                        rooms=rooms,
                        check_in=dt.date(2010, 11, 5),
                        check_out=dt.date(2010, 11, 14),
                        booking_deadline=dt.date(2010, 10, 22),
                    ),
                )
        for email, (arrival, flight, airline, airport, departure, back, transfer) in PLANS.items():
            registration = _registration(meeting, email)
            if registration is None or TravelPlan.objects.filter(registration=registration).exists():
                continue
            travel_plan_save(
                actor=registration.person,
                registration=registration,
                data=TravelInput(
                    arrival_at=arrival.replace(tzinfo=VALLARTA),
                    arrival_flight=flight,
                    arrival_airline=airline,
                    arrival_airport=airport,
                    departure_at=departure.replace(tzinfo=VALLARTA),
                    departure_flight=back,
                    departure_airline=airline,
                    departure_airport=airport,
                    needs_transfer=transfer,
                ),
            )
        for email, (hotel_name, room_type, check_in, check_out) in BOOKINGS.items():
            registration = _registration(meeting, email)
            block = RoomBlock.objects.filter(meeting=meeting, hotel__name=hotel_name, room_type=room_type).first()
            if registration is None or block is None or HotelBooking.objects.filter(registration=registration).exists():
                continue
            room_book(
                actor=registration.person,
                registration=registration,
                block=block,
                check_in=dt.date(2010, *check_in),
                check_out=dt.date(2010, *check_out),
            )
