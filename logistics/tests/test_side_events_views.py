"""The side events' pages: who sees what (404/403), errors next to the fields with nothing typed lost,
the lists' query counts at 1 and 3 pages, and the public programme with its ETag."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Delegation
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from gfmd.tests.paging import assert_pages_cost_the_same
from logistics.models import SideEvent
from logistics.services import side_events as services
from logistics.tests.factories_side_events import SideEventFactory, at, proposal
from logistics.views import side_events as views
from roundtables.models import Meeting
from roundtables.services import programme_publish
from roundtables.tests.factories import MeetingFactory, RoomFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, is_current=True, status=Meeting.Status.OPEN, time_zone="America/Mexico_City")


@pytest.fixture
def room_b(meeting):
    return RoomFactory(meeting=meeting, name="Room B", capacity=150)


@pytest.fixture
def session_2_1(meeting, room_b):
    return SessionFactory(
        roundtable=RoundtableFactory(meeting=meeting, number=2),
        code="2.1",
        title_en="Migrants' rights",
        room=room_b,
        starts_at=at(10, 11),
        ends_at=at(10, 13),
    )


@pytest.fixture
def proposer(meeting):
    organisation = OrganisationFactory(name="Migrant Forum in Asia", kind=Delegation.Kind.CIVIL_SOCIETY)
    return RegistrationFactory(meeting=meeting, delegation=organisation, status="approved").person


@pytest.fixture
def proposed(meeting, proposer):
    return services.side_event_propose(meeting=meeting, actor=proposer, data=proposal())


FORM = {
    "language": "en",
    "title_en": "Diaspora and development",
    "description_en": "Diaspora organisations meet governments.",
    "organisers": "Migrant Forum in Asia",
    "starts_at": "2010-11-10T13:15",
    "ends_at": "2010-11-10T14:45",
    "expected_attendance": "40",
}


def test_the_proposer_proposes_in_the_meetings_time(client, meeting, proposer):
    client.force_login(proposer)
    url = reverse("logistics:side_events_propose")
    assert client.get(url).status_code == 200
    response = client.post(url, FORM)
    assert response.status_code == 302
    event = SideEvent.objects.get()
    assert event.starts_at == at(10, 13, 15)  # read as Puerto Vallarta time, whatever the server's zone


def test_a_time_outside_the_meeting_shows_next_to_the_field_and_keeps_the_input(client, meeting, proposer):
    client.force_login(proposer)
    response = client.post(
        reverse("logistics:side_events_propose"),
        {**FORM, "starts_at": "2010-12-01T10:00", "ends_at": "2010-12-01T11:00"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "The meeting runs from" in form.errors["starts_at"][0]
    assert "Diaspora and development" in response.content.decode()
    assert not SideEvent.objects.exists()


def test_someone_who_may_not_propose_gets_403(client, meeting):
    client.force_login(
        RegistrationFactory(meeting=meeting, delegation=DelegationFactory(country="GH"), status="approved").person
    )
    assert client.get(reverse("logistics:side_events_propose")).status_code == 403
    assert client.post(reverse("logistics:side_events_propose"), FORM).status_code == 403


def test_anonymous_readers_are_sent_to_sign_in(client, meeting):
    assert client.get(reverse("logistics:side_events_mine")).status_code == 302


def test_another_persons_side_event_cannot_be_withdrawn(client, meeting, proposed):
    client.force_login(UserFactory())
    url = reverse("logistics:side_events_withdraw", kwargs={"number": 4, "pk": proposed.pk})
    assert client.post(url).status_code == 404
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_the_review_is_the_chair_offices(client, meeting, proposed, proposer):
    client.force_login(proposer)
    assert client.get(reverse("logistics:side_events_review")).status_code == 403
    url = reverse("logistics:side_events_decide", kwargs={"number": 4, "pk": proposed.pk})
    assert client.get(url).status_code == 403
    other_chair = UserFactory()
    from accounts.tests.factories import grant_chair_staff

    grant_chair_staff(other_chair, [MeetingFactory()])
    client.force_login(other_chair)
    assert client.get(url).status_code == 403


def test_a_clash_shows_next_to_the_room(client, chair, meeting, proposed, room_b, session_2_1):
    client.force_login(chair)
    url = reverse("logistics:side_events_decide", kwargs={"number": 4, "pk": proposed.pk})
    response = client.post(
        url, {"accept-room": room_b.pk, "accept-starts_at": "2010-11-10T12:00", "accept-ends_at": "2010-11-10T13:30"}
    )
    assert response.status_code == 200
    assert "Room B is taken at that time by session 2.1" in response.context["accept_form"].errors["room"][0]
    response = client.post(
        url, {"accept-room": room_b.pk, "accept-starts_at": "2010-11-10T13:15", "accept-ends_at": "2010-11-10T14:45"}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert (proposed.status, proposed.room) == ("accepted", room_b)


def test_declining_needs_a_reason(client, chair, meeting, proposed):
    client.force_login(chair)
    url = reverse("logistics:side_events_decide", kwargs={"number": 4, "pk": proposed.pk})
    response = client.post(url, {"decline-reason": ""})
    assert response.status_code == 200 and response.context["decline_form"].errors["reason"]
    assert client.post(url, {"decline-reason": "Too late"}).status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == "declined"


def test_the_review_list_costs_the_same_at_1_and_3_pages(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(views, "REVIEW_PER_PAGE", 2)
    client.force_login(chair)
    assert_pages_cost_the_same(
        client,
        reverse("logistics:side_events_review"),
        lambda n: SideEventFactory.create_batch(n, meeting=meeting),
        per_page=2,
    )


def test_my_side_events_cost_the_same_at_1_and_3_pages(client, meeting, proposer, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    client.force_login(proposer)
    assert_pages_cost_the_same(
        client,
        reverse("logistics:side_events_mine"),
        lambda n: SideEventFactory.create_batch(n, meeting=meeting, proposed_by=proposer),
        per_page=2,
    )


def test_a_participant_takes_and_cancels_a_place(client, chair, meeting, proposer, room_b):
    event = services.side_event_propose(meeting=meeting, actor=proposer, data=proposal(registration_capacity=3))
    services.side_event_accept(side_event=event, actor=chair, room=room_b)
    person = RegistrationFactory(meeting=meeting, status="approved").person
    client.force_login(person)
    page = client.get(reverse("logistics:side_events_mine")).content.decode()
    assert "Take a place" in page and "0 of 3 taken" in page
    client.post(reverse("logistics:side_events_register", kwargs={"number": 4, "pk": event.pk}))
    assert "Cancel my place" in client.get(reverse("logistics:side_events_mine")).content.decode()
    client.post(reverse("logistics:side_events_cancel", kwargs={"number": 4, "pk": event.pk}))
    assert not event.registrations.exists()


# The public programme ------------------------------------------------------------------------------------


def test_an_accepted_side_event_shows_in_the_programme_and_changes_its_etag(
    client, chair, meeting, proposed, room_b, session_2_1
):
    programme_publish(meeting=meeting, actor=chair)
    url = reverse("roundtables:programme")
    first = client.get(url)
    assert "Diaspora and development" not in first.content.decode()
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304

    services.side_event_accept(side_event=proposed, actor=chair, room=room_b)
    second = client.get(url, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    page = second.content.decode()
    assert "Side event" in page and "Diaspora and development" in page and "Migrant Forum in Asia" in page
    assert "Room B" in page

    client.cookies.load({"django_language": "fr"})
    french = client.get(url, headers={"accept-language": "fr"}).content.decode()
    assert "Diaspora et développement" in french

    services.side_event_withdraw(side_event=proposed, actor=proposed.proposed_by)
    third = client.get(url)
    assert third["ETag"] != second["ETag"] and "Diaspora and development" not in third.content.decode()


def test_a_cached_programme_page_still_costs_one_query_with_side_events(
    client, chair, meeting, proposed, room_b, django_assert_num_queries
):
    programme_publish(meeting=meeting, actor=chair)
    services.side_event_accept(side_event=proposed, actor=chair, room=room_b)
    url = reverse("roundtables:programme")
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200
