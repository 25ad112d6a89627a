import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import DelegationFactory, make_focal_point
from roundtables import services
from roundtables.models import Session
from roundtables.permissions import is_session_co_chair
from roundtables.tests.conftest import at
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory


@pytest.fixture
def focal_point(session_3_1):
    """Focal point of Sweden, a co-chair government of 3.1."""
    person = UserFactory(first_name="Ingrid", last_name="Berg")
    sweden = DelegationFactory(country="SE", name="Sweden")
    make_focal_point(person, sweden)
    SessionDelegationFactory(session=session_3_1, delegation=sweden, role="co_chair")
    return person


@pytest.fixture
def other_session(session_3_1):
    return SessionFactory(roundtable=session_3_1.roundtable, code="3.2", starts_at=at(10, 15), ends_at=at(10, 17))


def edit_url(session):
    return reverse("roundtables:co_chair_edit", kwargs={"pk": session.pk})


def form(**overrides):
    return {
        "description_en": "New text.",
        "description_fr": "Nouveau texte.",
        "description_es": "",
        "team_notes": "Call",
        **overrides,
    }


# Who co-chairs -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_focal_point_of_a_co_chair_delegation_co_chairs(focal_point, session_3_1, other_session):
    assert (is_session_co_chair(focal_point, session_3_1), is_session_co_chair(focal_point, other_session)) == (
        True,
        False,
    )


@pytest.mark.django_db
def test_a_co_chairs_representative_co_chairs(delegate, session_3_1):
    SessionPersonFactory(session=session_3_1, person=delegate, role="co_chair_rep")
    assert is_session_co_chair(delegate, session_3_1) is True


@pytest.mark.django_db
def test_the_focal_point_of_a_member_delegation_and_the_rapporteur_do_not(delegate, session_3_1):
    member = DelegationFactory(country="FI", name="Finland")
    make_focal_point(delegate, member)
    SessionDelegationFactory(session=session_3_1, delegation=member, role="member")
    SessionPersonFactory(session=session_3_1, person=delegate, role="rapporteur")
    assert is_session_co_chair(delegate, session_3_1) is False


# My sessions -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_my_sessions_lists_what_the_person_co_chairs(client, focal_point, session_3_1, other_session):
    SessionPersonFactory(session=other_session, person=focal_point, role="co_chair_rep")
    SessionFactory(roundtable=session_3_1.roundtable, code="3.3", starts_at=None, ends_at=None)
    client.force_login(focal_point)
    response = client.get(reverse("roundtables:my_sessions"))
    assert [s.code for s in response.context["sessions"]] == ["3.1", "3.2"]
    assert [d.delegation.name for d in response.context["sessions"][0].co_chairs] == ["Sweden"]


@pytest.mark.django_db
def test_my_sessions_for_someone_who_co_chairs_nothing(client, delegate, session_3_1):
    client.force_login(delegate)
    response = client.get(reverse("roundtables:my_sessions"))
    assert response.context["sessions"] == []
    assert "You do not co-chair a session" in response.content.decode()


@pytest.mark.django_db
def test_my_sessions_asks_anonymous_to_sign_in(client, meeting):
    response = client.get(reverse("roundtables:my_sessions"))
    assert response["Location"] == "/accounts/login/?next=/my-sessions/"


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_my_sessions_query_count_does_not_grow(client, delegate, meeting, roundtable, django_assert_num_queries, count):
    for number in range(count):
        session = SessionFactory(roundtable=roundtable, code=f"3.{number + 1}", starts_at=None, ends_at=None)
        SessionPersonFactory(session=session, person=delegate, role="co_chair_rep")
        SessionDelegationFactory(session=session, delegation=DelegationFactory())
    client.force_login(delegate)
    # session, user, meeting, sessions, their co-chairs, latest release, groups and focal points (header)
    with django_assert_num_queries(8):
        client.get(reverse("roundtables:my_sessions"))


# Editing ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_co_chair_edits_the_description_in_three_languages_and_the_notes(client, focal_point, session_3_1):
    client.force_login(focal_point)
    response = client.post(edit_url(session_3_1), form(description_es="Nuevo texto."))
    session_3_1.refresh_from_db()
    assert response["Location"] == reverse("roundtables:my_sessions", kwargs={"number": session_3_1.meeting.number})
    assert (
        session_3_1.description_en,
        session_3_1.description_fr,
        session_3_1.description_es,
        session_3_1.team_notes,
    ) == (
        "New text.",
        "Nouveau texte.",
        "Nuevo texto.",
        "Call",
    )
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor, sorted(entry.data["changes"])) == (
        "roundtables.session.description_updated",
        focal_point,
        ["description_en", "description_es", "description_fr", "team_notes"],
    )


@pytest.mark.django_db
def test_co_chair_cannot_change_the_title_or_the_time(client, focal_point, session_3_1):
    client.force_login(focal_point)
    client.post(edit_url(session_3_1), form(title_en="Hijacked", starts_at="2010-11-11T09:00", room=""))
    session_3_1.refresh_from_db()
    assert (session_3_1.title_en, session_3_1.starts_at, session_3_1.room.name) == (
        "Assessing the relationship between migration and development",
        at(10, 11),
        "Room C",
    )


@pytest.mark.django_db
def test_co_chairs_save_keeps_what_the_chair_changed_meanwhile(client, focal_point, session_3_1):
    client.force_login(focal_point)
    client.get(edit_url(session_3_1))
    Session.objects.filter(pk=session_3_1.pk).update(starts_at=at(10, 9), ends_at=at(10, 10))
    client.post(edit_url(session_3_1), form())
    session_3_1.refresh_from_db()
    assert (session_3_1.starts_at, session_3_1.description_en) == (at(10, 9), "New text.")


@pytest.mark.django_db
def test_service_refuses_fields_co_chairs_may_not_change(focal_point, session_3_1):
    with pytest.raises(ValueError, match="may not change title_en"):
        services.session_description_update(session=session_3_1, actor=focal_point, fields={"title_en": "X"})


@pytest.mark.django_db
def test_edit_page_asks_anonymous_to_sign_in(client, session_3_1):
    response = client.get(edit_url(session_3_1))
    assert response["Location"] == f"/accounts/login/?next={edit_url(session_3_1)}"


@pytest.mark.django_db
def test_edit_page_is_404_for_a_delegate(client, delegate, session_3_1):
    client.force_login(delegate)
    assert client.get(edit_url(session_3_1)).status_code == 404
    assert client.post(edit_url(session_3_1), form()).status_code == 404


@pytest.mark.django_db
def test_edit_page_is_404_for_the_co_chair_of_another_session(client, focal_point, session_3_1, other_session):
    client.force_login(focal_point)
    assert client.get(edit_url(other_session)).status_code == 404
    assert client.post(edit_url(other_session), form()).status_code == 404
    other_session.refresh_from_db()
    assert (other_session.description_en, ActivityLog.objects.count()) == (None, 0)


@pytest.mark.django_db
def test_edit_page_is_404_for_a_session_that_does_not_exist(client, focal_point, session_3_1):
    client.force_login(focal_point)
    assert client.get(reverse("roundtables:co_chair_edit", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.django_db
def test_chair_office_may_use_the_co_chair_page_too(chair_client, session_3_1):
    assert chair_client.get(edit_url(session_3_1)).status_code == 200


@pytest.mark.django_db
def test_public_session_page_offers_editing_to_its_co_chairs_only(
    client, chair, meeting, focal_point, delegate, session_3_1
):
    services.programme_publish(meeting=meeting, actor=chair)
    url = reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session_3_1.pk})
    client.force_login(focal_point)
    assert edit_url(session_3_1) in client.get(url).content.decode()
    # The same cached body, without the button, for a delegate and for a visitor.
    client.force_login(delegate)
    assert edit_url(session_3_1) not in client.get(url).content.decode()
    client.logout()
    assert edit_url(session_3_1) not in client.get(url).content.decode()
