import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from roundtables.tests.factories import (
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)


@pytest.mark.django_db
def test_home_shows_current_meeting_theme_and_roundtables(client, meeting):
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, title_en="Human mobility"), code="2.1")
    response = client.get(reverse("roundtables:home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert meeting.theme in page
    assert "Human mobility" in page
    assert session.title in page


@pytest.mark.django_db
def test_home_without_a_current_meeting_says_so(client):
    response = client.get(reverse("roundtables:home"))
    assert response.context["meeting"] is None
    assert "No meeting is current yet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_grow_with_roundtables(client, meeting, django_assert_num_queries, count):
    for _ in range(count):
        SessionFactory.create_batch(2, roundtable=RoundtableFactory(meeting=meeting))
    with django_assert_num_queries(4):  # meeting, roundtables, their sessions, other sessions
        client.get(reverse("roundtables:home"))


@pytest.mark.django_db
def test_chair_dashboard_refuses_anonymous(client, meeting):
    response = client.get(reverse("roundtables:chair_dashboard"))
    assert response.status_code == 403


@pytest.mark.django_db
def test_chair_dashboard_refuses_a_delegate(client, meeting):
    client.force_login(UserFactory())
    assert client.get(reverse("roundtables:chair_dashboard")).status_code == 403


@pytest.mark.django_db
def test_chair_dashboard_counts_what_teams_lack(client, chair, meeting):
    complete = SessionFactory(roundtable=RoundtableFactory(meeting=meeting))
    SessionDelegationFactory.create_batch(2, session=complete)
    SessionPersonFactory(session=complete)
    SessionFactory(roundtable=complete.roundtable)
    client.force_login(chair)
    response = client.get(reverse("roundtables:chair_dashboard"))
    assert (response.context["lacking_co_chairs"], response.context["lacking_rapporteur"]) == (1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_chair_dashboard_query_count_does_not_grow_with_sessions(
    client, chair, meeting, django_assert_num_queries, count
):
    for _ in range(count):
        session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting))
        SessionDelegationFactory(session=session)
        SessionPersonFactory(session=session)
    client.force_login(chair)
    # session, user, groups, focal points (the header), current meeting, sessions, meetings (the switcher)
    with django_assert_num_queries(7):
        client.get(reverse("roundtables:chair_dashboard"))
