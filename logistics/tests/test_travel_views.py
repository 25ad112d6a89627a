"""The travel pages: who sees what (403/404), errors next to the fields with the input kept, bookings from the
page, the Chair's office's hotels and arrivals, query counts with 1 and 3 pages, and the XLSX export."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from logistics.models import Hotel, HotelBooking, RoomBlock, TravelPlan
from logistics.tests.factories_travel import (
    HotelBookingFactory,
    HotelFactory,
    RoomBlockFactory,
    TravelPlanFactory,
    approved,
    local,
    vallarta_meeting,
)
from logistics.views import travel as views

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(chair):
    return vallarta_meeting()


@pytest.fixture
def participant(meeting):
    return approved(meeting)


def travel_url(meeting):
    return reverse("logistics:travel", kwargs={"number": meeting.number})


PLAN = {
    "arrival_at": "2010-11-07T14:30",
    "arrival_flight": "AM 1528",
    "arrival_airline": "Aeroméxico",
    "arrival_airport": "Puerto Vallarta (PVR)",
    "departure_at": "2010-11-11T19:00",
    "departure_flight": "AM 1531",
    "needs_transfer": "on",
}


# -- The participant's page ---------------------------------------------------------------------------------------


def test_the_page_asks_for_a_sign_in(client, meeting):
    response = client.get(reverse("logistics:travel"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_without_a_registration_the_page_says_so(client, meeting):
    client.force_login(UserFactory())
    content = client.get(reverse("logistics:travel")).content.decode()
    assert "You are not registered for" in content
    assert "arrival_at" not in content


def test_a_pending_registration_is_told_it_must_be_approved(client, meeting):
    registration = RegistrationFactory(meeting=meeting, status=Registration.Status.PENDING)
    client.force_login(registration.person)
    content = client.get(travel_url(meeting)).content.decode()
    assert "is “Pending”" in content
    response = client.post(travel_url(meeting), PLAN)
    assert not TravelPlan.objects.exists()
    assert response.status_code == 200


def test_an_approved_participant_saves_their_travel_in_the_meetings_zone(client, meeting, participant):
    client.force_login(participant.person)
    response = client.post(travel_url(meeting), PLAN)
    assert response.status_code == 302
    plan = TravelPlan.objects.get()
    assert plan.arrival_at == local(2010, 11, 7, 14, 30)
    assert plan.needs_transfer
    content = client.get(travel_url(meeting)).content.decode()
    assert 'value="2010-11-07T14:30"' in content  # shown back in the host city's clock
    assert "Your arrival and departure are saved." in content


def test_a_date_outside_the_window_is_refused_next_to_the_field_and_the_input_kept(client, meeting, participant):
    client.force_login(participant.person)
    response = client.post(travel_url(meeting), {**PLAN, "arrival_at": "2010-10-20T10:00"})
    assert response.status_code == 200
    form = response.context["plan_form"]
    assert form.errors["arrival_at"] == [
        "Choose a date from 1 November 2010 to 18 November 2010 (a week before and after the meeting)."
    ]
    content = response.content.decode()
    assert 'value="2010-10-20T10:00"' in content
    assert 'value="AM 1528"' in content
    assert '<p id="error_1_id_arrival_at"><strong>Choose a date from 1 November 2010' in content
    assert not TravelPlan.objects.exists()


def test_a_departure_before_the_arrival_is_refused_next_to_the_departure(client, meeting, participant):
    client.force_login(participant.person)
    response = client.post(travel_url(meeting), {**PLAN, "departure_at": "2010-11-06T10:00"})
    assert response.context["plan_form"].errors == {"departure_at": ["The departure must come after the arrival."]}


def test_a_participant_books_a_room_and_cancels_it(client, meeting, participant):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=1)
    client.force_login(participant.person)
    content = client.get(travel_url(meeting)).content.decode()
    assert "1 of 1 room free" in content
    response = client.post(
        reverse("logistics:travel_book", kwargs={"number": meeting.number, "block_pk": block.pk}),
        {f"block-{block.pk}-check_in": "2010-11-07", f"block-{block.pk}-check_out": "2010-11-11"},
    )
    assert response.status_code == 302
    content = client.get(travel_url(meeting)).content.decode()
    assert "is booked" in content and "Cancel this booking" in content
    response = client.post(reverse("logistics:travel_cancel", kwargs={"number": meeting.number}))
    assert response.status_code == 302
    assert not HotelBooking.objects.exists()


def test_a_full_block_is_refused_on_the_page_and_the_dates_kept(client, meeting, participant):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=1)
    client.force_login(participant.person)
    page = client.get(travel_url(meeting))  # the page showed a free room...
    assert "Book a room" in page.content.decode()
    HotelBookingFactory(block=block)  # ...someone else took it meanwhile
    response = client.post(
        reverse("logistics:travel_book", kwargs={"number": meeting.number, "block_pk": block.pk}),
        {f"block-{block.pk}-check_in": "2010-11-08", f"block-{block.pk}-check_out": "2010-11-10"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "is full: its 1 room is taken" in content
    assert 'value="2010-11-08"' in content


def test_nights_outside_the_block_are_refused_next_to_the_field(client, meeting, participant):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting))
    client.force_login(participant.person)
    response = client.post(
        reverse("logistics:travel_book", kwargs={"number": meeting.number, "block_pk": block.pk}),
        {f"block-{block.pk}-check_in": "2010-11-01", f"block-{block.pk}-check_out": "2010-11-10"},
    )
    assert response.status_code == 400
    form = next(b.form for b in response.context["blocks"] if b.pk == block.pk)
    assert list(form.errors) == ["check_in"]


def test_a_block_of_another_meeting_is_404(client, meeting, participant):
    other = RoomBlockFactory(hotel=HotelFactory(meeting=vallarta_meeting(is_current=False)))
    client.force_login(participant.person)
    response = client.post(
        reverse("logistics:travel_book", kwargs={"number": meeting.number, "block_pk": other.pk}),
        {f"block-{other.pk}-check_in": "2010-11-07", f"block-{other.pk}-check_out": "2010-11-10"},
    )
    assert response.status_code == 404


def test_a_closed_meeting_shows_the_plan_read_only(client, meeting, participant):
    TravelPlanFactory(meeting=meeting, registration=participant)
    RoomBlockFactory(hotel=HotelFactory(meeting=meeting))
    meeting.closed_at = timezone.now()
    meeting.save()
    client.force_login(participant.person)
    content = client.get(travel_url(meeting)).content.decode()
    assert "is closed: its record is read-only" in content
    assert "Save arrival and departure" not in content
    assert "Book a room" not in content


def test_the_participants_page_costs_the_same_with_1_and_3_pages_of_rooms(client, meeting, participant, monkeypatch):
    monkeypatch.setattr(views, "BLOCKS_PER_PAGE", 2)
    TravelPlanFactory(meeting=meeting, registration=participant)
    client.force_login(participant.person)

    def add(n):
        for _ in range(n):
            block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting))
            HotelBookingFactory(block=block)

    assert_pages_cost_the_same(client, travel_url(meeting), add, per_page=2)


# -- The Chair's office ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["travel_hotels", "travel_arrivals", "travel_arrivals_xlsx", "travel_hotel_add"],
)
def test_chair_pages_are_refused_to_participants(client, meeting, participant, name):
    client.force_login(participant.person)
    assert client.get(reverse(f"logistics:{name}", kwargs={"number": meeting.number})).status_code == 403


def test_the_chair_pages_of_the_current_meeting(client, meeting, chair):
    client.force_login(chair)
    assert client.get(reverse("logistics:travel_hotels")).status_code == 200
    assert client.get(reverse("logistics:travel_arrivals")).status_code == 200


def test_the_chairs_office_adds_a_hotel_and_sees_errors_next_to_the_fields(client, meeting, chair):
    client.force_login(chair)
    url = reverse("logistics:travel_hotel_add", kwargs={"number": meeting.number})
    response = client.post(url, {"name": "Hotel Sol", "address": "Av. México 1", "website": "javascript:alert(1)"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["website"]
    assert 'value="Hotel Sol"' in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Hotel Sol",
            "address": "Av. México 1",
            "website": "https://www.example.org/",
            "notes_en": "Near",
            "notes_es": "Cerca",
        },
    )
    assert response.status_code == 302
    assert Hotel.objects.get().notes_es == "Cerca"


def test_the_chairs_office_adds_a_block_refused_outside_the_window(client, meeting, chair):
    hotel = HotelFactory(meeting=meeting)
    client.force_login(chair)
    url = reverse("logistics:travel_block_add", kwargs={"number": meeting.number, "hotel_pk": hotel.pk})
    data = {
        "room_type": "Double",
        "nightly_rate": "120",
        "currency": "mxn",
        "rooms": "10",
        "check_in": "2010-10-01",
        "check_out": "2010-11-12",
        "booking_deadline": "2010-10-20",
    }
    response = client.post(url, data)
    assert list(response.context["form"].errors) == ["check_in"]
    assert 'value="2010-10-01"' in response.content.decode()
    response = client.post(url, {**data, "check_in": "2010-11-06"})
    assert response.status_code == 302
    assert RoomBlock.objects.get().currency == "MXN"


def test_another_meetings_hotel_is_404(client, meeting, chair):
    other = HotelFactory(meeting=vallarta_meeting(is_current=False))
    client.force_login(chair)
    url = reverse("logistics:travel_hotel_edit", kwargs={"number": meeting.number, "pk": other.pk})
    assert client.get(url).status_code == 404


def test_the_chairs_office_cancels_a_booking(client, meeting, chair):
    booking = HotelBookingFactory(block=RoomBlockFactory(hotel=HotelFactory(meeting=meeting)))
    client.force_login(chair)
    page = client.get(reverse("logistics:travel_block", kwargs={"number": meeting.number, "pk": booking.block_id}))
    assert booking.registration.person.display_name in page.content.decode()
    response = client.post(
        reverse("logistics:travel_booking_cancel", kwargs={"number": meeting.number, "pk": booking.pk})
    )
    assert response.status_code == 302
    assert not HotelBooking.objects.exists()


def test_the_arrivals_list_groups_by_day_in_the_meetings_zone(client, meeting, chair):
    TravelPlanFactory(meeting=meeting, arrival_at=local(2010, 11, 7, 23, 30), arrival_flight="AM 0001")
    TravelPlanFactory(meeting=meeting, arrival_at=local(2010, 11, 8, 0, 15), arrival_flight="AM 0002")
    TravelPlanFactory(
        meeting=meeting,
        registration=RegistrationFactory(meeting=meeting, status=Registration.Status.WITHDRAWN),
        arrival_flight="WITHDRAWN 1",
    )
    client.force_login(chair)
    response = client.get(reverse("logistics:travel_arrivals", kwargs={"number": meeting.number}))
    days = response.context["days"]
    assert [day for day, _plans in days] == [dt.date(2010, 11, 7), dt.date(2010, 11, 8)]
    content = response.content.decode()
    assert "23:30" in content and "00:15" in content
    assert "WITHDRAWN 1" not in content


def test_the_arrivals_list_costs_the_same_with_1_and_3_pages(client, meeting, chair, monkeypatch):
    monkeypatch.setattr(views, "ARRIVALS_PER_PAGE", 2)
    client.force_login(chair)
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting), rooms=50)

    def add(n):
        for _ in range(n):
            plan = TravelPlanFactory(meeting=meeting)
            HotelBookingFactory(block=block, registration=plan.registration)

    url = reverse("logistics:travel_arrivals", kwargs={"number": meeting.number}) + "?transfer=1"
    assert_pages_cost_the_same(client, url, add, per_page=2)
    assert page_link(client.get(url))["transfer"] == ["1"]


def test_the_hotels_page_costs_the_same_with_1_and_3_pages(client, meeting, chair, monkeypatch):
    monkeypatch.setattr(views, "HOTELS_PER_PAGE", 2)
    client.force_login(chair)

    def add(n):
        for _ in range(n):
            RoomBlockFactory(hotel=HotelFactory(meeting=meeting))

    assert_pages_cost_the_same(
        client, reverse("logistics:travel_hotels", kwargs={"number": meeting.number}), add, per_page=2
    )


def test_the_xlsx_export_neutralises_formulas(client, meeting, chair):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting, name="@SUM(A1)"))
    plan = TravelPlanFactory(
        meeting=meeting,
        arrival_flight='=HYPERLINK("x")',  # a flight number holds 20 characters (PostgreSQL enforces it)
        arrival_airline="+Airline",
        arrival_airport="-PVR",
    )
    HotelBookingFactory(block=block, registration=plan.registration)
    client.force_login(chair)
    response = client.get(reverse("logistics:travel_arrivals_xlsx", kwargs={"number": meeting.number}))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Arrival (America/Mexico_City)"
    row = rows[1]
    assert row[0] == dt.datetime(2010, 11, 7, 14, 30)  # the host city's clock
    assert row[1] == plan.registration.person.display_name
    assert row[3] == '\'=HYPERLINK("x")'
    assert row[4] == "'+Airline"
    assert row[5] == "'-PVR"
    assert row[6] == "Yes"
    assert row[7] == "'@SUM(A1)"
    for cell in sheet[2]:
        assert cell.data_type != "f"
