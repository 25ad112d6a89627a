"""The arrivals list as a PDF: produced and read back with pypdf (days, times in the meeting's zone, flights,
transfers, hotels), restricted to the Chair's office, unavailable while nobody entered an arrival, and in
the language asked for."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from logistics.tests.factories_travel import (
    HotelBookingFactory,
    HotelFactory,
    RoomBlockFactory,
    TravelPlanFactory,
    approved,
    local,
    vallarta_meeting,
)
from reports.registry import get_renderer
from reports.rendering import render_parts
from reports.services import request_report
from reports.tests.pdf import full_text, page_texts

pytestmark = pytest.mark.django_db


def produce(raw: dict) -> bytes:
    renderer = get_renderer("arrivals")
    params = renderer.clean_params(raw)
    target = io.BytesIO()
    with translation.override(params.get("language", "en")):
        render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
    return target.getvalue()


@pytest.fixture
def meeting(chair):
    return vallarta_meeting(title_en="Fourth Meeting of the GFMD", title_fr="Quatrième réunion du FMMD")


@pytest.fixture
def arrivals(meeting):
    block = RoomBlockFactory(hotel=HotelFactory(meeting=meeting, name="Hotel Riviera Vallarta (illustrative)"))
    early = TravelPlanFactory(
        meeting=meeting,
        registration=approved(meeting, person=UserFactory(first_name="Kwame", last_name="Mensah")),
        arrival_at=local(2010, 11, 7, 23, 40),  # 05:40 UTC on the 8th: still the 7th in Puerto Vallarta
        arrival_flight="UA 1546",
        arrival_airline="United",
        needs_transfer=True,
    )
    HotelBookingFactory(block=block, registration=early.registration)
    TravelPlanFactory(
        meeting=meeting,
        registration=approved(meeting, person=UserFactory(first_name="Sofía", last_name="Castillo")),
        arrival_at=local(2010, 11, 8, 9, 5),
        arrival_flight="AM 0214",
        needs_transfer=False,
    )
    TravelPlanFactory(
        meeting=meeting,
        registration=RegistrationFactory(
            meeting=meeting,
            status=Registration.Status.WITHDRAWN,
            person=UserFactory(first_name="Withdrawn", last_name="Person"),
        ),
        arrival_flight="XX 9999",
    )
    return meeting


def test_the_arrivals_pdf_lists_the_approved_arrivals_by_day_in_the_meetings_zone(arrivals):
    pages = page_texts(produce({"meeting": arrivals.pk, "language": "en"}))
    text = " ".join(pages)
    assert "Arrivals" in pages[0]
    assert "2 arrivals · 1 needs an airport transfer. Local times (America/Mexico_City)." in text
    assert text.index("Sunday 7 November 2010") < text.index("23:40") < text.index("Kwame Mensah")
    assert text.index("Monday 8 November 2010") < text.index("09:05") < text.index("Sofía Castillo")
    assert "UA 1546 · United" in text
    assert "Hotel Riviera Vallarta (illustrative)" in text
    assert "Withdrawn Person" not in text and "XX 9999" not in text
    assert "Restricted: Chair's office only." in text


def test_the_arrivals_pdf_in_french(arrivals):
    text = full_text(produce({"meeting": arrivals.pk, "language": "fr"}))
    assert "dimanche 7 novembre 2010" in text


def test_only_the_chairs_office_may_ask_for_it(arrivals, chair):
    renderer = get_renderer("arrivals")
    params = renderer.clean_params({"meeting": arrivals.pk})
    participant = Registration.objects.filter(meeting=arrivals, status="approved").first().person
    assert renderer.can_access(chair, params)
    assert not renderer.can_access(participant, params)
    assert not renderer.can_access(UserFactory(), params)
    with pytest.raises(PermissionDenied):
        request_report(kind="arrivals", params={"meeting": arrivals.pk}, user=participant)
    offered = [offer.kind for offer in renderer.offers(arrivals, chair)]
    assert offered == ["arrivals"]
    assert renderer.offers(arrivals, participant) == []


def test_unavailable_until_someone_enters_an_arrival(meeting):
    renderer = get_renderer("arrivals")
    assert renderer.unavailable({"meeting": meeting.pk}) == "No approved participant has entered an arrival yet."
    TravelPlanFactory(meeting=meeting)
    assert renderer.unavailable({"meeting": meeting.pk}) is None


def test_hostile_text_prints_as_text(meeting):
    TravelPlanFactory(
        meeting=meeting,
        arrival_flight="<b>X</b>",
        arrival_airport='<img src="http://evil.example/x">',
    )
    text = full_text(produce({"meeting": meeting.pk}))
    assert "<b>X</b>" in text
