import pytest
from django.core.exceptions import ValidationError

from activity.models import ActivityLog
from roundtables import services
from roundtables.models import Roundtable, Session
from roundtables.tests.conftest import at
from roundtables.tests.factories import RoundtableFactory, SessionFactory


@pytest.mark.django_db
def test_roundtable_create_appends_and_logs(chair, meeting):
    RoundtableFactory(meeting=meeting, number=1, order=1)
    roundtable = services.roundtable_create(
        meeting=meeting, actor=chair, fields={"number": 2, "title_en": "Human mobility", "title_fr": "Mobilité"}
    )
    assert (roundtable.order, roundtable.title_en, roundtable.title_fr) == (2, "Human mobility", "Mobilité")
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor, entry.meeting, entry.data) == (
        "roundtables.roundtable.created",
        chair,
        meeting,
        {"number": 2},
    )


@pytest.mark.django_db
def test_roundtable_update_logs_what_changed(chair, roundtable):
    services.roundtable_update(roundtable=roundtable, actor=chair, fields={"title_en": "Coherence", "number": 3})
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.data) == (
        "roundtables.roundtable.updated",
        {"changes": {"title_en": ["Policy and institutional coherence", "Coherence"]}},
    )


@pytest.mark.django_db
def test_roundtable_update_without_change_logs_nothing(chair, roundtable):
    services.roundtable_update(roundtable=roundtable, actor=chair, fields={"title_en": roundtable.title_en})
    assert ActivityLog.objects.count() == 0


@pytest.mark.django_db
def test_roundtable_delete_takes_its_sessions_and_logs_their_codes(chair, session_3_1):
    roundtable = session_3_1.roundtable
    services.roundtable_delete(roundtable=roundtable, actor=chair)
    assert (Roundtable.objects.count(), Session.objects.count()) == (0, 0)
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.data, entry.object_repr) == (
        "roundtables.roundtable.deleted",
        {"number": 3, "sessions": ["3.1"]},
        "RT 3 Policy and institutional coherence",
    )


@pytest.mark.django_db
def test_roundtable_move_swaps_and_renumbers(chair, meeting):
    *_, third = (RoundtableFactory(meeting=meeting, number=n, order=n * 10) for n in (1, 2, 3))
    assert services.roundtable_move(roundtable=third, actor=chair, direction="up") is True
    assert list(meeting.roundtables.order_by("order").values_list("number", "order")) == [(1, 1), (3, 2), (2, 3)]
    assert ActivityLog.objects.get().data == {"direction": "up", "order": [1, 3, 2]}


@pytest.mark.django_db
def test_roundtable_move_first_up_does_nothing(chair, meeting):
    first = RoundtableFactory(meeting=meeting, number=1, order=1)
    RoundtableFactory(meeting=meeting, number=2, order=2)
    assert services.roundtable_move(roundtable=first, actor=chair, direction="up") is False
    assert ActivityLog.objects.count() == 0


@pytest.mark.django_db
def test_session_create_puts_it_last_in_its_roundtable(chair, meeting, session_3_1, room_c):
    session = services.session_create(
        meeting=meeting,
        actor=chair,
        fields={
            "roundtable": session_3_1.roundtable,
            "code": "3.2",
            "kind": Session.Kind.ROUNDTABLE,
            "title_en": "Migration and climate change",
            "room": room_c,
            "starts_at": at(10, 15),
            "ends_at": at(10, 17),
        },
    )
    assert (session.meeting, session.order, session.title) == (
        meeting,
        session_3_1.order + 1,
        "Migration and climate change",
    )
    assert ActivityLog.objects.get().action == "roundtables.session.created"


@pytest.mark.django_db
def test_session_create_refuses_a_duplicate_code(chair, meeting, session_3_1):
    with pytest.raises(ValidationError) as refused:
        services.session_create(
            meeting=meeting,
            actor=chair,
            fields={"roundtable": session_3_1.roundtable, "code": "3.1", "title_en": "Again"},
        )
    assert list(refused.value.message_dict) == ["__all__"]
    assert Session.objects.count() == 1
    assert ActivityLog.objects.count() == 0


@pytest.mark.django_db
def test_session_create_refuses_a_roundtable_of_another_meeting(chair, meeting):
    other = RoundtableFactory()
    with pytest.raises(ValidationError):
        services.session_create(
            meeting=meeting, actor=chair, fields={"roundtable": other, "code": "9.9", "title_en": "X"}
        )


@pytest.mark.django_db
def test_session_update_logs_changes_against_the_saved_row(chair, session_3_1):
    # A model form changes the instance before the service sees it: the log still compares with the database.
    session_3_1.title_en = "New title"
    services.session_update(session=session_3_1, actor=chair, fields={"title_en": "New title", "code": "3.1"})
    assert ActivityLog.objects.get().data == {
        "changes": {"title_en": ["Assessing the relationship between migration and development", "New title"]}
    }


@pytest.mark.django_db
def test_session_update_to_another_roundtable_puts_it_last_there(chair, meeting, session_3_1):
    other = RoundtableFactory(meeting=meeting, number=1)
    SessionFactory(roundtable=other, code="1.1", order=1)
    services.session_update(session=session_3_1, actor=chair, fields={"roundtable": other})
    session_3_1.refresh_from_db()
    assert (session_3_1.roundtable, session_3_1.order) == (other, 2)


@pytest.mark.django_db
def test_session_move_down_among_roundtable_sessions(chair, roundtable):
    sessions = [SessionFactory(roundtable=roundtable, code=f"3.{n}", order=n) for n in (1, 2, 3)]
    services.session_move(session=sessions[0], actor=chair, direction="down")
    assert list(roundtable.sessions.order_by("order").values_list("code", flat=True)) == ["3.2", "3.1", "3.3"]


@pytest.mark.django_db
def test_session_delete_logs_and_removes(chair, session_3_1):
    services.session_delete(session=session_3_1, actor=chair)
    assert Session.objects.count() == 0
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.data) == ("roundtables.session.deleted", {"code": "3.1"})
