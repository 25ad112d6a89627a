import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Value
from django.urls import reverse
from django.utils.html import strip_tags
from icalendar import Calendar

from delegations.tests.factories import DelegationFactory
from roundtables import services
from roundtables.programme import cache
from roundtables.programme.ical import session_uid
from roundtables.tests.conftest import at
from roundtables.tests.factories import (
    RoomFactory,
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)


@pytest.fixture
def published(chair, meeting, session_3_1):
    SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country="SE", name="Sweden"))
    SessionPersonFactory(
        session=session_3_1, person__first_name="Daniel", person__last_name="Okafor", role="rapporteur"
    )
    return services.programme_publish(meeting=meeting, actor=chair)


def session_url(session):
    return reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session.pk})


# Home -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_home_shows_the_published_roundtables(client, published, session_3_1):
    page = client.get(reverse("roundtables:home")).content.decode()
    assert "Policy and institutional coherence" in page
    assert session_url(session_3_1) in page


@pytest.mark.django_db
def test_home_shows_the_published_version_not_the_live_data(client, published, session_3_1):
    session_3_1.title_en = "Renamed but not published"
    session_3_1.save()
    page = client.get(reverse("roundtables:home")).content.decode()
    assert ("Renamed but not published" in page, "Assessing the relationship" in page) == (False, True)


@pytest.mark.django_db
def test_home_before_publication_says_the_programme_will_come(client, meeting, session_3_1):
    page = client.get(reverse("roundtables:home")).content.decode()
    assert "has not published the programme yet" in page
    assert session_3_1.title not in page


@pytest.mark.django_db
def test_home_without_a_current_meeting_says_so(client):
    response = client.get(reverse("roundtables:home"))
    assert response.context["meeting"] is None
    assert "No meeting is current yet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_grow(client, chair, meeting, django_assert_num_queries, count):
    for number in range(1, count + 1):
        SessionFactory.create_batch(
            2, roundtable=RoundtableFactory(meeting=meeting, number=number), starts_at=None, ends_at=None
        )
    services.programme_publish(meeting=meeting, actor=chair)
    with django_assert_num_queries(2):  # the meeting, its latest release
        client.get(reverse("roundtables:home"))


# The programme --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_programme_shows_days_parallel_sessions_and_the_host_city_time(client, published, session_3_1):
    response = client.get(reverse("roundtables:programme"))
    programme = response.context["programme"]
    assert [day.date for day in programme.days] == [dt.date(2010, 11, 10)]
    page = response.content.decode()
    assert "Wednesday 10 November 2010" in page
    assert '<time datetime="2010-11-10T11:00:00-06:00">11:00</time>' in page
    assert "Co-chairs:</span> Sweden" in page


@pytest.mark.django_db
def test_programme_by_meeting_number(client, published):
    response = client.get(reverse("roundtables:programme", kwargs={"number": 4}))
    assert response.context["programme"].release == published


@pytest.mark.django_db
def test_programme_of_an_unknown_meeting_is_404(client, published):
    assert client.get(reverse("roundtables:programme", kwargs={"number": 99})).status_code == 404


@pytest.mark.django_db
def test_programme_before_publication(client, meeting, session_3_1):
    response = client.get(reverse("roundtables:programme"))
    assert response.status_code == 200
    assert "has not published the programme yet" in response.content.decode()
    assert session_3_1.title not in response.content.decode()


@pytest.mark.django_db
def test_programme_notes_what_changed_since_the_previous_version(client, chair, meeting, published, session_3_1):
    added = SessionFactory(
        roundtable=session_3_1.roundtable,
        code="3.4",
        title_en="Climate",
        room=session_3_1.room,
        starts_at=at(10, 17),
        ends_at=at(10, 19),
    )
    services.programme_publish(meeting=meeting, actor=chair)
    page = client.get(reverse("roundtables:programme")).content.decode()
    assert f"Changed since {published.published_at:%-d %B %Y}" in page
    assert f'<a href="{session_url(added)}">3.4 «Climate»: added.</a>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_programme_query_count_does_not_grow(client, chair, meeting, roundtable, django_assert_num_queries, count):
    for hour in range(count):
        session = SessionFactory(
            roundtable=roundtable,
            room=RoomFactory(meeting=meeting),
            starts_at=at(10, 9 + hour),
            ends_at=at(10, 10 + hour),
        )
        SessionDelegationFactory(session=session, delegation=DelegationFactory())
    services.programme_publish(meeting=meeting, actor=chair)
    with django_assert_num_queries(2):
        client.get(reverse("roundtables:programme"))


@pytest.mark.django_db
def test_roundtable_page_lists_its_published_sessions(client, published, session_3_1):
    response = client.get(reverse("roundtables:roundtable_detail", kwargs={"number": 4, "rt": 3}))
    assert [s.code for s in response.context["roundtable"].sessions] == ["3.1"]
    assert "Wednesday 10 November, 11:00–13:00" in strip_tags(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_roundtable_page_query_count_does_not_grow(
    client, chair, meeting, roundtable, django_assert_num_queries, count
):
    SessionFactory.create_batch(count, roundtable=roundtable, starts_at=None, ends_at=None)
    services.programme_publish(meeting=meeting, actor=chair)
    with django_assert_num_queries(2):
        client.get(reverse("roundtables:roundtable_detail", kwargs={"number": 4, "rt": 3}))


@pytest.mark.django_db
def test_unpublished_roundtable_is_404(client, published, meeting):
    RoundtableFactory(meeting=meeting, number=7)
    assert client.get(reverse("roundtables:roundtable_detail", kwargs={"number": 4, "rt": 7})).status_code == 404


@pytest.mark.django_db
def test_session_page_shows_description_and_team(client, published, session_3_1):
    response = client.get(session_url(session_3_1))
    item = response.context["item"]
    assert (item.co_chairs, [p.name for p in item.rapporteurs]) == (["Sweden"], ["Daniel Okafor"])
    assert response.context["session"] == session_3_1
    page = response.content.decode()
    assert "Rapporteur</dt>" in page
    assert reverse("roundtables:session_ics", kwargs={"number": 4, "pk": session_3_1.pk}) in page


@pytest.mark.django_db
def test_session_added_after_publication_is_404_until_published(client, chair, meeting, published, session_3_1):
    later = SessionFactory(roundtable=session_3_1.roundtable, code="3.4", starts_at=None, ends_at=None)
    assert client.get(session_url(later)).status_code == 404
    services.programme_publish(meeting=meeting, actor=chair)
    assert client.get(session_url(later)).status_code == 200


@pytest.mark.django_db
def test_session_page_in_french_falls_back_to_english(client, published, session_3_1):
    response = client.get(session_url(session_3_1), headers={"accept-language": "fr"})
    assert response.context["item"].title == "Assessing the relationship between migration and development"


@pytest.mark.django_db
def test_session_page_without_a_team_says_it_is_to_come_until_the_meeting_is_held(client, chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    assert "The team will be announced." in client.get(session_url(session_3_1)).content.decode()
    meeting.status = meeting.Status.HELD
    meeting.save()
    page = client.get(session_url(session_3_1)).content.decode()
    assert ("The team will be announced." in page, "did not name this session" in page) == (False, True)


# Conditional GET: a published version never changes ---------------------------------------------


@pytest.mark.django_db
def test_published_pages_answer_304_to_a_matching_etag(client, published, session_3_1):
    first = client.get(session_url(session_3_1))
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(session_url(session_3_1), headers={"if-none-match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")


@pytest.mark.django_db
def test_published_pages_answer_304_to_if_modified_since(client, published):
    first = client.get(reverse("roundtables:programme"))
    again = client.get(reverse("roundtables:programme"), headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_a_new_version_changes_the_etag(client, chair, meeting, published, session_3_1):
    first = client.get(reverse("roundtables:programme"))
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", starts_at=None, ends_at=None)
    services.programme_publish(meeting=meeting, actor=chair)
    again = client.get(reverse("roundtables:programme"), headers={"if-none-match": first["ETag"]})
    assert (again.status_code, again["ETag"] != first["ETag"]) == (200, True)


@pytest.mark.django_db
def test_the_etag_depends_on_the_language(client, published):
    english = client.get(reverse("roundtables:programme"), headers={"accept-language": "en"})
    french = client.get(reverse("roundtables:programme"), headers={"accept-language": "fr"})
    assert english["ETag"] != french["ETag"]


@pytest.mark.django_db
def test_a_304_with_etag_costs_one_query(client, published, django_assert_num_queries):
    etag = client.get(reverse("roundtables:programme"))["ETag"]
    # The latest release with its meeting, without its snapshot.
    with django_assert_num_queries(1):
        assert client.get(reverse("roundtables:programme"), headers={"if-none-match": etag}).status_code == 304


@pytest.mark.django_db
def test_signed_in_readers_get_fresh_pages(client, delegate, published):
    client.force_login(delegate)
    response = client.get(reverse("roundtables:programme"))
    assert (response.has_header("ETag"), response["Cache-Control"]) == (False, "private, no-cache")


@pytest.mark.django_db
def test_other_apps_stamps_join_the_etag(client, published, session_3_1, monkeypatch):
    monkeypatch.setattr(cache, "_page_stamps", [])
    first = client.get(session_url(session_3_1))["ETag"]
    cache.register_page_stamp(lambda session_id, meeting: Value(f"paper-published-{session_id}"))
    assert client.get(session_url(session_3_1))["ETag"] != first


# iCalendar ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_programme_feed_is_read_back_by_a_calendar_parser(client, chair, meeting, published, session_3_1):
    response = client.get(reverse("roundtables:programme_ics", kwargs={"number": 4}))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.events
    assert str(event["UID"]) == session_uid(4, session_3_1.pk)
    assert str(event["SUMMARY"]) == "3.1 Assessing the relationship between migration and development"
    assert event.start == dt.datetime(2010, 11, 10, 11, tzinfo=ZoneInfo("America/Mexico_City"))
    assert event["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert event.end == at(10, 13)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Mexico_City"]
    assert "Co-chairs: Sweden" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"http://testserver{session_url(session_3_1)}"
    assert (event["SEQUENCE"], str(event["LOCATION"])) == (1, "Room C, Convention Center, Puerto Vallarta")


@pytest.mark.django_db
def test_uid_stays_the_same_in_the_next_version(client, chair, meeting, published, session_3_1):
    session_3_1.starts_at, session_3_1.ends_at = at(10, 15), at(10, 17)
    session_3_1.save()
    services.programme_publish(meeting=meeting, actor=chair)
    event = Calendar.from_ical(client.get(reverse("roundtables:programme_ics", kwargs={"number": 4})).content).events[0]
    assert (str(event["UID"]), event["SEQUENCE"], event.start) == (session_uid(4, session_3_1.pk), 2, at(10, 15))


@pytest.mark.django_db
def test_session_feed_has_one_event(client, published, session_3_1):
    response = client.get(reverse("roundtables:session_ics", kwargs={"number": 4, "pk": session_3_1.pk}))
    calendar = Calendar.from_ical(response.content)
    assert [str(e["UID"]) for e in calendar.events] == [session_uid(4, session_3_1.pk)]
    assert response["Content-Disposition"] == 'attachment; filename="gfmd-4-3.1.ics"'


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_programme_feed_query_count_does_not_grow(client, chair, meeting, roundtable, django_assert_num_queries, count):
    for hour in range(count):
        SessionFactory(roundtable=roundtable, starts_at=at(10, 9 + hour), ends_at=at(10, 10 + hour))
    services.programme_publish(meeting=meeting, actor=chair)
    with django_assert_num_queries(2):
        client.get(reverse("roundtables:programme_ics", kwargs={"number": 4}))


@pytest.mark.django_db
def test_feed_before_publication_is_404(client, meeting):
    assert client.get(reverse("roundtables:programme_ics", kwargs={"number": 4})).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_session_page_query_count_does_not_grow_with_its_team(
    client, chair, meeting, session_3_1, django_assert_num_queries, count
):
    for code in ["SE", "FI", "NL"][:count]:
        SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country=code))
        SessionPersonFactory(session=session_3_1, role="speaker")
    services.programme_publish(meeting=meeting, actor=chair)
    # the latest release with its meeting and the other apps' stamps (for the ETag and the cache key), its
    # snapshot, the live session and the five parts it shows (papers, outcome, its recommendations, the
    # earlier recommendations it builds on, the practices presented in it)
    with django_assert_num_queries(8):
        client.get(session_url(session_3_1))
    # Then the body comes from the cache: the release with the stamps only.
    with django_assert_num_queries(1):
        client.get(session_url(session_3_1))
