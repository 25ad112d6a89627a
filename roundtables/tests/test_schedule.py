import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from roundtables import services
from roundtables.models import Session
from roundtables.schedule import overlap, schedule_grid, session_clash_errors, span
from roundtables.tests.conftest import at
from roundtables.tests.factories import RoomFactory, SessionFactory, SessionPersonFactory
from roundtables.tests.test_views_chair import session_data


def test_sessions_that_touch_do_not_overlap():
    assert (
        overlap(at(10, 11), at(10, 13), at(10, 13), at(10, 15)),
        overlap(at(10, 11), at(10, 13), at(10, 12), at(10, 14)),
    ) == (
        False,
        True,
    )


@pytest.mark.django_db
def test_span_is_in_the_meeting_time_zone(meeting):
    assert span(meeting, at(10, 11), at(10, 13)) == "Wed 10 Nov, 11:00–13:00"
    assert span(meeting, at(8, 9), at(9, 13)) == "Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00"


@pytest.mark.django_db
def test_room_clash_names_the_session_and_the_free_rooms(meeting, session_3_1, room_c):
    RoomFactory(meeting=meeting, name="Room A")
    errors = session_clash_errors(meeting=meeting, room=room_c, starts_at=at(10, 12), ends_at=at(10, 14))
    assert errors == {
        "room": [
            "Room C is taken at that time by 3.1 «Assessing the relationship between migration and development», "
            "Wed 10 Nov, 11:00–13:00. Free at that time: Room A."
        ]
    }


@pytest.mark.django_db
def test_room_clash_when_no_room_is_free(meeting, session_3_1, room_c):
    errors = session_clash_errors(meeting=meeting, room=room_c, starts_at=at(10, 12), ends_at=at(10, 14))
    assert errors["room"][0].endswith("No room is free at that time: choose another time.")


@pytest.mark.django_db
def test_a_session_does_not_clash_with_itself(meeting, session_3_1, room_c):
    errors = session_clash_errors(
        meeting=meeting, room=room_c, starts_at=at(10, 11), ends_at=at(10, 14), session_pk=session_3_1.pk
    )
    assert errors == {}


@pytest.mark.django_db
def test_person_clash_when_a_session_moves_onto_another_of_its_people(meeting, session_3_1):
    okafor = UserFactory(first_name="Daniel", last_name="Okafor")
    SessionPersonFactory(session=session_3_1, person=okafor, role="rapporteur")
    later = SessionFactory(roundtable=session_3_1.roundtable, code="3.2", starts_at=at(10, 15), ends_at=at(10, 17))
    SessionPersonFactory(session=later, person=okafor, role="speaker")
    errors = session_clash_errors(
        meeting=meeting, room=None, starts_at=at(10, 12), ends_at=at(10, 14), session_pk=later.pk
    )
    assert errors == {
        "starts_at": [
            f"{okafor.display_name} (speaker here) is also rapporteur of 3.1 "
            "«Assessing the relationship between migration and development» at that time (Wed 10 Nov, 11:00–13:00)."
        ]
    }


# The form and the services refuse clashes -----------------------------------------------------


@pytest.mark.django_db
def test_session_form_refuses_a_room_clash_next_to_the_room_and_keeps_the_input(chair_client, session_3_1, room_c):
    data = session_data(session_3_1.roundtable, room_c, starts_at="2010-11-10T12:00", ends_at="2010-11-10T14:00")
    response = chair_client.post(reverse("roundtables:session_create"), data)
    errors = response.context["form"].errors
    assert list(errors) == ["room"]
    assert errors["room"][0].startswith("Room C is taken at that time by 3.1")
    page = response.content.decode()
    assert 'name="starts_at" value="2010-11-10T12:00"' in page
    assert 'value="Migration and climate change"' in page
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_session_form_refuses_to_move_a_session_onto_its_rapporteurs_other_session(chair_client, session_3_1, meeting):
    okafor = SessionPersonFactory(session=session_3_1, role="rapporteur").person
    other_room = RoomFactory(meeting=meeting, name="Room B")
    later = SessionFactory(
        roundtable=session_3_1.roundtable, code="3.2", room=other_room, starts_at=at(10, 15), ends_at=at(10, 17)
    )
    SessionPersonFactory(session=later, person=okafor, role="moderator")
    data = session_data(
        later.roundtable, other_room, code="3.2", starts_at="2010-11-10T12:00", ends_at="2010-11-10T14:00"
    )
    response = chair_client.post(reverse("roundtables:session_edit", kwargs={"pk": later.pk}), data)
    assert list(response.context["form"].errors) == ["starts_at"]
    later.refresh_from_db()
    assert later.starts_at == at(10, 15)


@pytest.mark.django_db
def test_session_service_refuses_a_room_clash_the_form_did_not_see(chair, meeting, session_3_1, room_c):
    with pytest.raises(ValidationError) as refused:
        services.session_create(
            meeting=meeting,
            actor=chair,
            fields={
                "roundtable": session_3_1.roundtable,
                "code": "3.4",
                "title_en": "Late",
                "room": room_c,
                "starts_at": at(10, 12),
                "ends_at": at(10, 14),
            },
        )
    assert list(refused.value.message_dict) == ["room"]


@pytest.mark.django_db
def test_team_person_add_refuses_a_person_in_a_parallel_session(chair, meeting, session_3_1):
    okafor = UserFactory(first_name="Daniel", last_name="Okafor")
    parallel = SessionFactory(roundtable=session_3_1.roundtable, code="1.1", starts_at=at(10, 11), ends_at=at(10, 13))
    SessionPersonFactory(session=parallel, person=okafor, role="rapporteur")
    with pytest.raises(ValidationError) as refused:
        services.team_person_add(session=session_3_1, person=okafor, role="moderator", actor=chair)
    assert refused.value.message_dict == {
        "person": [
            f"{okafor.display_name} is already rapporteur of 1.1 «{parallel.title}» at the same time "
            "(Wed 10 Nov, 11:00–13:00)."
        ]
    }


@pytest.mark.django_db
def test_team_page_shows_the_person_clash_next_to_the_picker(chair_client, session_3_1):
    okafor = UserFactory(first_name="Daniel", last_name="Okafor")
    parallel = SessionFactory(roundtable=session_3_1.roundtable, code="1.1", starts_at=at(10, 12), ends_at=at(10, 14))
    SessionPersonFactory(session=parallel, person=okafor, role="speaker")
    response = chair_client.post(
        reverse("roundtables:team_person_add", kwargs={"pk": session_3_1.pk}),
        {"role": "moderator", "person": okafor.pk},
    )
    assert list(response.context["person_form"].errors) == ["person"]
    assert "is already speaker of 1.1" in response.content.decode()


# The schedule page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_schedule_grid_puts_sessions_in_their_day_and_room(meeting, session_3_1, room_c):
    plenary_hall = RoomFactory(meeting=meeting, name="Plenary Hall")
    SessionFactory(
        roundtable=None,
        meeting=meeting,
        code="CSD",
        kind="civil_society",
        room=plenary_hall,
        starts_at=at(8, 9),
        ends_at=at(9, 13),
    )
    unscheduled = SessionFactory(roundtable=session_3_1.roundtable, code="3.3", starts_at=None, ends_at=None)
    grid = schedule_grid(meeting)
    assert [room.name for room in grid.rooms] == ["Plenary Hall", "Room C"]
    cells = {day.day: [[s.code for s in cell] for cell in row] for day, row in grid.days}
    assert cells == {8: [["CSD"], []], 9: [["CSD"], []], 10: [[], ["3.1"]], 11: [[], []]}
    assert (grid.unscheduled, grid.clashes) == ([unscheduled], [])


@pytest.mark.django_db
def test_schedule_grid_finds_room_and_person_clashes_in_the_data(meeting, session_3_1, room_c):
    # Clashes made outside the forms (the admin, an import) still show on the schedule.
    clashing = SessionFactory(
        roundtable=session_3_1.roundtable, code="3.4", room=room_c, starts_at=at(10, 12), ends_at=at(10, 14)
    )
    okafor = UserFactory()
    SessionPersonFactory(session=session_3_1, person=okafor, role="rapporteur")
    SessionPersonFactory(session=clashing, person=okafor, role="speaker")
    grid = schedule_grid(meeting)
    assert [(c.kind, [s.code for s in c.sessions]) for c in grid.clashes] == [
        ("room", ["3.1", "3.4"]),
        ("person", ["3.1", "3.4"]),
    ]


@pytest.mark.django_db
def test_schedule_page_reports_clashes_with_links_to_edit(chair_client, meeting, session_3_1, room_c):
    clashing = SessionFactory(
        roundtable=session_3_1.roundtable, code="3.4", room=room_c, starts_at=at(10, 12), ends_at=at(10, 14)
    )
    page = chair_client.get(reverse("roundtables:schedule")).content.decode()
    assert "1 clash to resolve" in page
    assert "Room C holds 3.1 and 3.4 at the same time" in page
    assert reverse("roundtables:session_edit", kwargs={"pk": clashing.pk}) in page
    assert "Clash: same room as 3.1" in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_schedule_query_count_does_not_grow(chair_client, meeting, roundtable, django_assert_num_queries, count):
    for hour in range(count):
        session = SessionFactory(
            roundtable=roundtable,
            room=RoomFactory(meeting=meeting),
            starts_at=at(10, 9 + hour),
            ends_at=at(10, 10 + hour),
        )
        SessionPersonFactory(session=session)
    # session, user, groups, meeting, rooms, sessions, team people, focal points (header)
    with django_assert_num_queries(8):
        chair_client.get(reverse("roundtables:schedule"))


@pytest.mark.django_db
def test_schedule_refuses_a_delegate(client, delegate, meeting):
    client.force_login(delegate)
    assert client.get(reverse("roundtables:schedule")).status_code == 403
