"""The personal agenda: the page in time order, the feed at its secret address (no sign-in, parsed by
icalendar, with the sessions and the side event), a new address making the old one answer 404."""

import re
from html import unescape

import pytest
from django.urls import reverse
from icalendar import Calendar

from delegations.models import Delegation
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from logistics.models import AgendaFeed
from logistics.services import side_events as services
from logistics.tests.factories_side_events import at, proposal
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoomFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, is_current=True, status=Meeting.Status.OPEN, time_zone="America/Mexico_City")


@pytest.fixture
def agenda_of(meeting, chair):
    """A civil-society participant with two sessions chosen and an accepted side event of theirs."""
    room = RoomFactory(meeting=meeting, name="Room B", capacity=150)
    rt = RoundtableFactory(meeting=meeting, number=1)
    late = SessionFactory(
        roundtable=rt, code="1.2", title_en="Later session", room=room, starts_at=at(10, 15), ends_at=at(10, 17)
    )
    early = SessionFactory(
        roundtable=rt, code="1.1", title_en="Early session", room=room, starts_at=at(10, 11), ends_at=at(10, 13)
    )
    SessionFactory(roundtable=rt, code="9.9", title_en="Not chosen", starts_at=at(11, 9), ends_at=at(11, 10))
    organisation = OrganisationFactory(name="Migrant Forum in Asia", kind=Delegation.Kind.CIVIL_SOCIETY)
    person = RegistrationFactory(
        meeting=meeting, delegation=organisation, status="approved", sessions=[late, early]
    ).person
    event = services.side_event_propose(meeting=meeting, actor=person, data=proposal())
    services.side_event_accept(side_event=event, actor=chair, room=room)
    return person


def _feed_url(response) -> str:
    return unescape(re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', response.content.decode())[1])


def test_the_agenda_page_lists_sessions_and_side_events_in_time_order(client, agenda_of):
    client.force_login(agenda_of)
    page = client.get(reverse("logistics:agenda")).content.decode()
    assert page.index("1.1 Early session") < page.index("Diaspora and development") < page.index("1.2 Later session")
    assert "Not chosen" not in page
    assert AgendaFeed.objects.get().token_hash not in page  # the hash is never shown, only the address


def test_the_feed_parses_and_needs_no_sign_in(client, agenda_of):
    client.force_login(agenda_of)
    url = _feed_url(client.get(reverse("logistics:agenda")))
    client.logout()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.events]
    assert summaries == ["1.1 Early session", "Side event: Diaspora and development", "1.2 Later session"]
    side_event = calendar.events[1]
    assert side_event.start == at(10, 13, 15)
    assert side_event["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert "Room B" in str(side_event["LOCATION"])
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Mexico_City"]
    assert agenda_of.email not in response.content.decode()  # personal data minimal


def test_a_new_address_makes_the_old_one_404(client, agenda_of):
    client.force_login(agenda_of)
    old = _feed_url(client.get(reverse("logistics:agenda")))
    response = client.post(reverse("logistics:agenda_renew", kwargs={"number": 4}), follow=True)
    new = _feed_url(response)
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_made_up_token_is_404(client, agenda_of):
    assert client.get(reverse("logistics:agenda_feed", kwargs={"token": "x" * 43})).status_code == 404


def test_the_agenda_page_costs_the_same_with_1_and_3_items(client, meeting, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rt = RoundtableFactory(meeting=meeting)
    registration = RegistrationFactory(meeting=meeting, status="approved", sessions=[SessionFactory(roundtable=rt)])
    client.force_login(registration.person)
    client.get(reverse("logistics:agenda"))  # the feed's row made once
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("logistics:agenda"))
    from delegations.models import SessionChoice

    SessionChoice.objects.bulk_create(
        SessionChoice(registration=registration, session=SessionFactory(roundtable=rt)) for _ in range(2)
    )
    with CaptureQueriesContext(connection) as three:
        page = client.get(reverse("logistics:agenda")).content.decode()
    assert page.count("list-group-item d-flex") == 3
    assert len(three) == len(one)
