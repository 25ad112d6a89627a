"""The side events' services: who may propose (the rule), the meeting's window, the Chair's office's
acceptance with the schedule's clash rule (and its race), declining, withdrawing, the registration's
capacity (and its race), a closed meeting."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.models import Delegation
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory, make_focal_point
from logistics.models import SideEvent, SideEventRegistration
from logistics.services import side_events as services
from logistics.tests.factories_side_events import SideEventFactory, at, proposal
from mailings.models import OutgoingMail
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoomFactory, RoundtableFactory, SessionFactory


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, is_current=True, status=Meeting.Status.OPEN, time_zone="America/Mexico_City")


@pytest.fixture
def room_b(meeting):
    return RoomFactory(meeting=meeting, name="Room B", capacity=150)


@pytest.fixture
def room_c(meeting):
    return RoomFactory(meeting=meeting, name="Room C", capacity=150)


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
def focal_point(meeting):
    user = UserFactory(first_name="Javier", last_name="Herrera")
    make_focal_point(user, DelegationFactory(country="MX", name="Mexico"), meeting)
    return user


@pytest.fixture
def civil_society_member(meeting):
    organisation = OrganisationFactory(name="Migrant Forum in Asia", kind=Delegation.Kind.CIVIL_SOCIETY)
    registration = RegistrationFactory(meeting=meeting, delegation=organisation, status="approved")
    return registration.person


@pytest.fixture
def proposed(meeting, civil_society_member):
    return services.side_event_propose(meeting=meeting, actor=civil_society_member, data=proposal())


# Proposing -----------------------------------------------------------------------------------------


def test_a_focal_point_proposes_for_their_delegation(meeting, focal_point):
    event = services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal())
    assert (event.status, event.delegation.name, event.proposed_by) == ("proposed", "Mexico", focal_point)
    assert event.title == "Diaspora and development"
    assert ActivityLog.objects.filter(action="logistics.side_event.proposed", object_id=str(event.pk)).exists()


def test_an_approved_member_of_a_civil_society_organisation_proposes(meeting, civil_society_member):
    event = services.side_event_propose(meeting=meeting, actor=civil_society_member, data=proposal())
    assert event.delegation.name == "Migrant Forum in Asia"


@pytest.mark.parametrize("status", ["pending", "rejected", "withdrawn"])
def test_an_organisation_member_not_approved_is_refused(meeting, status):
    organisation = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY)
    person = RegistrationFactory(meeting=meeting, delegation=organisation, status=status).person
    with pytest.raises(PermissionDenied):
        services.side_event_propose(meeting=meeting, actor=person, data=proposal())


def test_a_state_delegate_who_is_not_focal_point_is_refused(meeting):
    person = RegistrationFactory(meeting=meeting, delegation=DelegationFactory(country="GH"), status="approved").person
    with pytest.raises(PermissionDenied):
        services.side_event_propose(meeting=meeting, actor=person, data=proposal())
    assert not SideEvent.objects.exists()


def test_a_focal_point_of_another_meeting_is_refused(meeting):
    person = UserFactory()
    make_focal_point(person, DelegationFactory(country="MX"), MeetingFactory())
    with pytest.raises(PermissionDenied):
        services.side_event_propose(meeting=meeting, actor=person, data=proposal())


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"starts_at": at(7, 18), "ends_at": at(7, 19)}, "starts_at"),
        ({"starts_at": at(11, 18), "ends_at": at(12, 9)}, "ends_at"),
        ({"starts_at": at(10, 15), "ends_at": at(10, 14)}, "ends_at"),
    ],
)
def test_a_time_outside_the_meeting_is_refused_next_to_the_field(meeting, focal_point, changes, field):
    with pytest.raises(ValidationError) as error:
        services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal(**changes))
    assert field in error.value.message_dict
    assert not SideEvent.objects.exists()


def test_the_window_is_the_meetings_zone_not_utc(meeting, focal_point):
    # 11 November 23:00 in Puerto Vallarta is 12 November in UTC: still within the meeting.
    event = services.side_event_propose(
        meeting=meeting, actor=focal_point, data=proposal(starts_at=at(11, 22), ends_at=at(11, 23))
    )
    assert event.pk


def test_the_original_language_is_required(meeting, focal_point):
    data = proposal(language="fr", texts={"title": {"en": "Only English"}, "description": {"en": "Text"}})
    with pytest.raises(ValidationError) as error:
        services.side_event_propose(meeting=meeting, actor=focal_point, data=data)
    assert {"title_fr", "description_fr"} <= set(error.value.message_dict)


def test_hostile_numbers_are_refused(meeting, focal_point):
    with pytest.raises(ValidationError) as error:
        services.side_event_propose(
            meeting=meeting, actor=focal_point, data=proposal(expected_attendance=0, registration_capacity=10**9)
        )
    assert {"expected_attendance", "registration_capacity"} <= set(error.value.message_dict)


def test_a_closed_meeting_is_read_only(meeting, focal_point):
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    with pytest.raises(ValidationError, match="read-only"):
        services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal())


# Accepting -----------------------------------------------------------------------------------------


def test_the_chair_accepts_into_a_free_room_and_the_proposer_is_told(chair, proposed, room_b, session_2_1):
    event = services.side_event_accept(side_event=proposed, actor=chair, room=room_b)
    assert (event.status, event.room, event.accepted_at is not None) == ("accepted", room_b, True)
    outgoing = OutgoingMail.objects.get(to=proposed.proposed_by.email)
    assert (
        "Room B" in outgoing.body_text and outgoing.subject == "Your side event is accepted: Diaspora and development"
    )


def test_a_room_taken_by_a_session_is_refused_with_the_reason(chair, proposed, room_b, room_c, session_2_1):
    with pytest.raises(ValidationError) as error:
        services.side_event_accept(
            side_event=proposed, actor=chair, room=room_b, starts_at=at(10, 12), ends_at=at(10, 14)
        )
    [message] = error.value.message_dict["room"]
    assert "Room B is taken at that time by session 2.1" in message
    assert "Free at that time: Room C." in message
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_a_room_taken_by_another_accepted_side_event_is_refused(chair, meeting, proposed, room_b, focal_point):
    other = services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal(organisers="Mexico"))
    services.side_event_accept(side_event=other, actor=chair, room=room_b)
    with pytest.raises(ValidationError, match="side event «Diaspora and development»"):
        services.side_event_accept(side_event=proposed, actor=chair, room=room_b)


def test_touching_times_are_no_clash(chair, proposed, room_b, session_2_1):
    event = services.side_event_accept(
        side_event=proposed, actor=chair, room=room_b, starts_at=at(10, 13), ends_at=at(10, 14)
    )
    assert event.status == "accepted"


def test_a_room_too_small_or_of_another_meeting_is_refused(chair, proposed, meeting):
    small = RoomFactory(meeting=meeting, name="Small room", capacity=10)
    with pytest.raises(ValidationError, match="seats 10"):
        services.side_event_accept(side_event=proposed, actor=chair, room=small)
    elsewhere = RoomFactory(meeting=MeetingFactory(), name="Elsewhere")
    with pytest.raises(ValidationError, match="this meeting's rooms"):
        services.side_event_accept(side_event=proposed, actor=chair, room=elsewhere)


def test_only_the_meetings_chair_office_decides(proposed, room_b, civil_society_member, focal_point):
    for person in (civil_society_member, focal_point, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.side_event_accept(side_event=proposed, actor=person, room=room_b)
        with pytest.raises(PermissionDenied):
            services.side_event_decline(side_event=proposed, actor=person, reason="No")


def test_the_chair_declines_with_a_reason(chair, proposed):
    with pytest.raises(ValidationError) as error:
        services.side_event_decline(side_event=proposed, actor=chair, reason="  ")
    assert "reason" in error.value.message_dict
    services.side_event_decline(side_event=proposed, actor=chair, reason="No room is free that day.")
    proposed.refresh_from_db()
    assert (proposed.status, proposed.decision_reason) == ("declined", "No room is free that day.")
    assert "No room is free that day." in OutgoingMail.objects.get(to=proposed.proposed_by.email).body_text
    with pytest.raises(ValidationError, match="Declined"):
        services.side_event_accept(side_event=proposed, actor=chair, room=None)


def test_the_proposer_withdraws_and_nobody_else(proposed, focal_point):
    with pytest.raises(PermissionDenied):
        services.side_event_withdraw(side_event=proposed, actor=focal_point)
    services.side_event_withdraw(side_event=proposed, actor=proposed.proposed_by)
    proposed.refresh_from_db()
    assert proposed.status == "withdrawn"
    with pytest.raises(ValidationError, match="Withdrawn"):
        services.side_event_withdraw(side_event=proposed, actor=proposed.proposed_by)


# Registration ----------------------------------------------------------------------------------------


@pytest.fixture
def with_places(chair, meeting, civil_society_member, room_b):
    event = services.side_event_propose(
        meeting=meeting, actor=civil_society_member, data=proposal(registration_capacity=1)
    )
    return services.side_event_accept(side_event=event, actor=chair, room=room_b)


def participant(meeting):
    return RegistrationFactory(meeting=meeting, status="approved").person


def test_an_approved_participant_takes_the_last_place_and_the_next_is_refused(meeting, with_places):
    first, second = participant(meeting), participant(meeting)
    services.side_event_register(side_event=with_places, actor=first)
    with pytest.raises(ValidationError, match="is full: all its 1 places are taken"):
        services.side_event_register(side_event=with_places, actor=second)
    services.side_event_cancel_place(side_event=with_places, actor=first)
    services.side_event_register(side_event=with_places, actor=second)  # the cancelled place is free again


def test_a_pending_registration_gives_no_place(meeting, with_places):
    person = RegistrationFactory(meeting=meeting, status="pending").person
    with pytest.raises(PermissionDenied):
        services.side_event_register(side_event=with_places, actor=person)


def test_a_proposed_side_event_takes_no_registration(meeting, civil_society_member):
    event = services.side_event_propose(
        meeting=meeting, actor=civil_society_member, data=proposal(registration_capacity=5)
    )
    with pytest.raises(ValidationError, match="takes no registration"):
        services.side_event_register(side_event=event, actor=participant(meeting))


# Races (each thread its own connection: row locks on PostgreSQL, BEGIN IMMEDIATE on SQLite) --------------


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
        except Exception as exc:
            results[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_participants_for_the_last_place_one_wins(meeting, with_places):
    people = [participant(meeting), participant(meeting)]
    results = run_at_once([lambda p=p: services.side_event_register(side_event=with_places, actor=p) for p in people])
    assert sorted(results, key=str) == sorted(
        ["ok", ["The side event «Diaspora and development» is full: all its 1 places are taken."]], key=str
    )
    assert SideEventRegistration.objects.filter(side_event=with_places).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_acceptances_into_the_same_room_and_time_one_wins(
    chair, meeting, room_b, focal_point, civil_society_member
):
    events = [
        services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal()),
        services.side_event_propose(meeting=meeting, actor=civil_society_member, data=proposal()),
    ]
    results = run_at_once(
        [lambda e=e: services.side_event_accept(side_event=e, actor=chair, room=room_b) for e in events]
    )
    assert results.count("ok") == 1
    [refused] = [r for r in results if r != "ok"]
    assert "Room B is taken at that time by side event" in refused[0]
    assert SideEvent.objects.filter(status="accepted", room=room_b).count() == 1


def test_mail_outbox_untouched_by_proposing(meeting, focal_point):
    services.side_event_propose(meeting=meeting, actor=focal_point, data=proposal())
    assert not OutgoingMail.objects.exists() and not mail.outbox


def test_factory_rows_are_valid(meeting):
    assert SideEventFactory(meeting=meeting).status == "proposed"
