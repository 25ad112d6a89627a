import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from activity.models import ActivityLog
from roundtables.models import Roundtable, Session
from roundtables.tests.conftest import at
from roundtables.tests.factories import (
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)

# Every page of the Chair's office, with what its URL needs.
CHAIR_PAGES = [
    ("roundtables:chair_dashboard", {}),
    ("roundtables:structure", {}),
    ("roundtables:roundtable_create", {}),
    ("roundtables:session_create", {}),
    ("roundtables:activity", {}),
    ("roundtables:schedule", {}),
    ("roundtables:publish", {}),
    ("roundtables:publish_preview", {}),
    ("roundtables:meeting_edit", {}),
    ("roundtables:meeting_copy", {}),
    ("roundtables:roundtable_edit", {"pk": "roundtable"}),
    ("roundtables:roundtable_delete", {"pk": "roundtable"}),
    ("roundtables:session_edit", {"pk": "session"}),
    ("roundtables:session_delete", {"pk": "session"}),
    ("roundtables:session_team", {"pk": "session"}),
    ("roundtables:search_delegations", {"pk": "session"}),
    ("roundtables:search_people", {"pk": "session"}),
]
CHAIR_ACTIONS = [
    ("roundtables:roundtable_move", "roundtable"),
    ("roundtables:session_move", "session"),
    ("roundtables:team_delegation_add", "session"),
    ("roundtables:team_person_add", "session"),
]


def _url(name, kwargs, session):
    objects = {"roundtable": session.roundtable.pk, "session": session.pk}
    return reverse(name, kwargs={key: objects[value] for key, value in kwargs.items()})


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), CHAIR_PAGES)
def test_chair_pages_refuse_anonymous(client, session_3_1, name, kwargs):
    assert client.get(_url(name, kwargs, session_3_1)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), CHAIR_PAGES)
def test_chair_pages_refuse_a_delegate(client, delegate, session_3_1, name, kwargs):
    client.force_login(delegate)
    assert client.get(_url(name, kwargs, session_3_1)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), CHAIR_PAGES)
def test_chair_pages_refuse_a_co_chair(client, delegate, session_3_1, name, kwargs):
    # A co-chair's representative of this very session is still not the Chair's office.
    SessionPersonFactory(session=session_3_1, person=delegate, role="co_chair_rep")
    client.force_login(delegate)
    assert client.get(_url(name, kwargs, session_3_1)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "target"), CHAIR_ACTIONS)
def test_chair_actions_refuse_a_delegate_and_change_nothing(client, delegate, session_3_1, name, target):
    client.force_login(delegate)
    pk = session_3_1.roundtable.pk if target == "roundtable" else session_3_1.pk
    response = client.post(reverse(name, kwargs={"pk": pk}), {"direction": "up", "role": "co_chair"})
    assert (response.status_code, ActivityLog.objects.count()) == (403, 0)


@pytest.mark.django_db
def test_chair_pages_of_an_unknown_meeting_answer_404(chair_client, meeting):
    assert chair_client.get(reverse("roundtables:structure", kwargs={"number": 99})).status_code == 404


# Structure -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_structure_lists_roundtables_sessions_and_other_sessions(chair_client, meeting, session_3_1):
    SessionFactory(roundtable=None, meeting=meeting, code="OP", title_en="Opening plenary", kind=Session.Kind.PLENARY)
    response = chair_client.get(reverse("roundtables:structure"))
    assert [rt.number for rt in response.context["roundtables"]] == [3]
    assert [s.code for s in response.context["other_sessions"]] == ["OP"]
    page = response.content.decode()
    assert "Policy and institutional coherence" in page
    assert "Wed 10 Nov, 11:00–13:00" in strip_tags(page)  # the host city's time
    assert '<time datetime="2010-11-10T11:00:00-06:00">Wed 10 Nov, 11:00</time>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_structure_query_count_does_not_grow(chair_client, meeting, django_assert_num_queries, count):
    for number in range(1, count + 1):
        roundtable = RoundtableFactory(meeting=meeting, number=number)
        session = SessionFactory(roundtable=roundtable)
        SessionDelegationFactory(session=session)
        SessionPersonFactory(session=session)
        SessionFactory(roundtable=None, meeting=meeting, kind=Session.Kind.PLENARY)
    # session, user, groups, focal points (header), meeting, roundtables (count, page), their sessions,
    # other sessions (count, page)
    with django_assert_num_queries(10):
        chair_client.get(reverse("roundtables:structure"))


@pytest.mark.django_db
def test_structure_of_another_meeting_by_number(chair_client, meeting):
    other = RoundtableFactory(meeting__number=5, title_en="Next year's roundtable").meeting
    response = chair_client.get(reverse("roundtables:structure", kwargs={"number": other.number}))
    assert response.context["meeting"] == other
    assert "not the current meeting" in response.content.decode()


# Roundtables -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_roundtable_create_proposes_the_next_number(chair_client, roundtable):
    response = chair_client.get(reverse("roundtables:roundtable_create"))
    assert response.context["form"].initial["number"] == 4


@pytest.mark.django_db
def test_roundtable_create_saves_translations_and_redirects(chair_client, meeting):
    response = chair_client.post(
        reverse("roundtables:roundtable_create"),
        {"number": 1, "title_en": "Partnerships", "title_fr": "Partenariats", "title_es": "", "description_en": "Text"},
    )
    roundtable = Roundtable.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/chair/meetings/4/structure/#rt-{roundtable.pk}"
    assert (roundtable.title_en, roundtable.title_fr, roundtable.title_es) == ("Partnerships", "Partenariats", None)


@pytest.mark.django_db
def test_roundtable_create_without_english_title_keeps_what_was_typed(chair_client, meeting):
    response = chair_client.post(
        reverse("roundtables:roundtable_create"), {"number": 2, "title_en": "", "title_fr": "Mobilité humaine"}
    )
    form = response.context["form"]
    assert (response.status_code, form.errors) == (200, {"title_en": ["This field is required."]})
    page = response.content.decode()
    assert 'value="Mobilité humaine"' in page
    assert Roundtable.objects.count() == 0


@pytest.mark.django_db
def test_roundtable_number_is_unique_in_the_meeting(chair_client, roundtable):
    response = chair_client.post(reverse("roundtables:roundtable_create"), {"number": 3, "title_en": "Again"})
    assert response.context["form"].errors == {"number": ["Roundtable 3 already exists in this meeting."]}


@pytest.mark.django_db
def test_roundtable_edit_saves(chair_client, roundtable):
    response = chair_client.post(
        reverse("roundtables:roundtable_edit", kwargs={"pk": roundtable.pk}),
        {"number": 3, "title_en": "Coherence", "title_es": "Coherencia"},
    )
    roundtable.refresh_from_db()
    assert (response.status_code, roundtable.title_en, roundtable.title_es) == (302, "Coherence", "Coherencia")


@pytest.mark.django_db
def test_roundtable_delete_asks_then_deletes(chair_client, session_3_1):
    url = reverse("roundtables:roundtable_delete", kwargs={"pk": session_3_1.roundtable.pk})
    assert [s.code for s in chair_client.get(url).context["sessions"]] == ["3.1"]
    response = chair_client.post(url)
    assert (response.status_code, Roundtable.objects.count(), Session.objects.count()) == (302, 0, 0)


@pytest.mark.django_db
def test_roundtable_move_redirects_to_it(chair_client, meeting):
    RoundtableFactory(meeting=meeting, number=1, order=1)
    second = RoundtableFactory(meeting=meeting, number=2, order=2)
    response = chair_client.post(reverse("roundtables:roundtable_move", kwargs={"pk": second.pk}), {"direction": "up"})
    assert response["Location"] == f"/chair/meetings/4/structure/#rt-{second.pk}"
    assert list(meeting.roundtables.values_list("number", flat=True)) == [2, 1]


@pytest.mark.django_db
def test_roundtable_move_is_a_post(chair_client, roundtable):
    assert chair_client.get(reverse("roundtables:roundtable_move", kwargs={"pk": roundtable.pk})).status_code == 405


# Sessions --------------------------------------------------------------------------------------


def session_data(rt, room, **overrides):
    data = {
        "roundtable": rt.pk,
        "code": "3.4",
        "kind": "roundtable",
        "title_en": "Migration and climate change",
        "title_fr": "Migration et changement climatique",
        "title_es": "",
        "description_en": "A new session.",
        "room": room.pk,
        "starts_at": "2010-11-10T17:30",
        "ends_at": "2010-11-10T19:00",
        "capacity": "",
        "team_notes": "",
    }
    return {**data, **overrides}


@pytest.mark.django_db
def test_session_create_proposes_the_next_code_of_the_roundtable(chair_client, session_3_1):
    url = reverse("roundtables:session_create") + f"?roundtable={session_3_1.roundtable.pk}"
    assert chair_client.get(url).context["form"].initial == {"roundtable": session_3_1.roundtable, "code": "3.2"}


@pytest.mark.django_db
def test_session_create_reads_times_in_the_meeting_time_zone(chair_client, roundtable, room_c):
    response = chair_client.post(reverse("roundtables:session_create"), session_data(roundtable, room_c))
    session = Session.objects.get(code="3.4")
    assert response["Location"] == reverse("roundtables:session_team", kwargs={"pk": session.pk})
    assert (session.starts_at, session.ends_at) == (at(10, 17, 30), at(10, 19))
    assert session.title_fr == "Migration et changement climatique"


@pytest.mark.django_db
def test_session_edit_shows_times_in_the_meeting_time_zone(chair_client, session_3_1):
    response = chair_client.get(reverse("roundtables:session_edit", kwargs={"pk": session_3_1.pk}))
    page = response.content.decode()
    assert 'name="starts_at" value="2010-11-10T11:00"' in page
    assert 'name="ends_at" value="2010-11-10T13:00"' in page


@pytest.mark.django_db
def test_session_ending_before_it_starts_is_refused_next_to_the_end(chair_client, roundtable, room_c):
    data = session_data(roundtable, room_c, starts_at="2010-11-10T15:00", ends_at="2010-11-10T14:00")
    response = chair_client.post(reverse("roundtables:session_create"), data)
    assert response.context["form"].errors == {"ends_at": ["The session must end after it starts."]}
    page = response.content.decode()
    assert 'value="Migration and climate change"' in page
    assert 'name="ends_at" value="2010-11-10T14:00"' in page
    assert Session.objects.filter(code="3.4").count() == 0


@pytest.mark.django_db
def test_session_without_title_is_refused_next_to_the_title(chair_client, roundtable, room_c):
    response = chair_client.post(reverse("roundtables:session_create"), session_data(roundtable, room_c, title_en=""))
    assert response.context["form"].errors == {"title_en": ["This field is required."]}
    assert 'value="Migration et changement climatique"' in response.content.decode()


@pytest.mark.django_db
def test_session_outside_the_meeting_days_is_refused(chair_client, roundtable, room_c):
    data = session_data(roundtable, room_c, starts_at="2010-11-12T09:00", ends_at="2010-11-12T10:00")
    response = chair_client.post(reverse("roundtables:session_create"), data)
    assert response.context["form"].errors == {
        "starts_at": [
            "The meeting runs from 8 November 2010 to 11 November 2010: the session must fall within those days."
        ]
    }


@pytest.mark.django_db
def test_session_code_is_unique_in_the_meeting(chair_client, session_3_1, room_c):
    data = session_data(session_3_1.roundtable, room_c, code="3.1")
    response = chair_client.post(reverse("roundtables:session_create"), data)
    assert response.context["form"].errors == {"code": ["Another session of this meeting already has the code 3.1."]}


@pytest.mark.django_db
def test_roundtable_session_needs_a_roundtable(chair_client, roundtable, room_c):
    response = chair_client.post(reverse("roundtables:session_create"), session_data(roundtable, room_c, roundtable=""))
    assert response.context["form"].errors == {
        "roundtable": ["A roundtable session belongs to a roundtable: choose one."]
    }


@pytest.mark.django_db
def test_session_start_without_end_is_refused(chair_client, roundtable, room_c):
    response = chair_client.post(reverse("roundtables:session_create"), session_data(roundtable, room_c, ends_at=""))
    assert response.context["form"].errors == {"ends_at": ["Give the end as well as the start."]}


@pytest.mark.django_db
def test_session_edit_saves_and_logs(chair_client, chair, session_3_1, room_c):
    data = session_data(
        session_3_1.roundtable, room_c, code="3.1", starts_at="2010-11-10T11:00", ends_at="2010-11-10T13:30"
    )
    response = chair_client.post(reverse("roundtables:session_edit", kwargs={"pk": session_3_1.pk}), data)
    session_3_1.refresh_from_db()
    assert response["Location"] == f"/chair/meetings/4/structure/#session-{session_3_1.pk}"
    assert session_3_1.ends_at == at(10, 13, 30)
    entry = ActivityLog.objects.get()
    assert (entry.actor, sorted(entry.data["changes"])) == (
        chair,
        ["description_en", "ends_at", "title_en", "title_fr"],
    )


@pytest.mark.django_db
def test_session_delete_asks_then_deletes(chair_client, session_3_1):
    url = reverse("roundtables:session_delete", kwargs={"pk": session_3_1.pk})
    assert "Delete 3.1 Assessing" in chair_client.get(url).content.decode()
    assert chair_client.post(url).status_code == 302
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_session_move_up(chair_client, roundtable):
    SessionFactory(roundtable=roundtable, code="3.1", order=1)
    second = SessionFactory(roundtable=roundtable, code="3.2", order=2)
    chair_client.post(reverse("roundtables:session_move", kwargs={"pk": second.pk}), {"direction": "up"})
    assert list(roundtable.sessions.order_by("order").values_list("code", flat=True)) == ["3.2", "3.1"]


# Dashboard -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_chair_dashboard_counts_what_teams_lack(chair_client, session_3_1):
    SessionDelegationFactory.create_batch(2, session=session_3_1)
    SessionPersonFactory(session=session_3_1)
    SessionFactory(roundtable=session_3_1.roundtable, code="3.2")  # not the sequence: it reaches "3.1" too
    response = chair_client.get(reverse("roundtables:chair_dashboard"))
    figures = ("session_count", "lacking_co_chairs", "lacking_rapporteur", "lacking_paper")
    assert [response.context[name] for name in figures] == [2, 1, 1, 2]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_chair_dashboard_query_count_does_not_grow(chair_client, meeting, django_assert_num_queries, count):
    for number in range(1, count + 1):
        session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=number))
        SessionDelegationFactory(session=session)
        SessionPersonFactory(session=session)
    # session, user, groups, focal points (the header), current meeting, the sessions' count and page,
    # their gaps (one aggregate), meetings (the switcher)
    with django_assert_num_queries(9):
        chair_client.get(reverse("roundtables:chair_dashboard"))


@pytest.mark.django_db
def test_chair_dashboard_without_a_current_meeting(client, support):
    client.force_login(support)  # portal support: a Chair's office without any meeting
    response = client.get(reverse("roundtables:chair_dashboard"))
    assert (response.status_code, response.context["meeting"]) == (200, None)
    assert "No meeting is current." in response.content.decode()


@pytest.mark.django_db
def test_chair_dashboard_of_another_meeting(chair_client, meeting):
    other = RoundtableFactory(meeting__number=5).meeting
    response = chair_client.get(reverse("roundtables:chair_dashboard", kwargs={"number": 5}))
    assert response.context["meeting"] == other
