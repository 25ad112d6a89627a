"""The meeting's city and venue and the rooms' names in English, French and Spanish: kept from before the
migration, edited by the Chair's office, published, and read in the reader's language."""

import importlib

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import UserFactory, grant_chair_staff
from activity.models import ActivityLog
from gfmd.tests.paging import assert_pages_cost_the_same
from roundtables import services
from roundtables.models import Meeting, Room
from roundtables.programme.diff import programme_changes
from roundtables.programme.snapshot import build_snapshot
from roundtables.tests.factories import MeetingFactory, RoomFactory
from roundtables.views import rooms

pytestmark = pytest.mark.django_db

MIGRATION = "0010_meeting_place_room_name_languages"
copy_into_english = importlib.import_module(f"roundtables.migrations.{MIGRATION}").copy_into_english


@pytest.fixture
def translated(meeting, room_c, session_3_1):
    """The test meeting (Puerto Vallarta, 2010) with its venue and room C in the three languages."""
    meeting.venue_fr, meeting.venue_es = "Centre des congrès", "Centro de Convenciones"
    meeting.city_fr, meeting.city_es = "Puerto Vallarta (FR)", "Puerto Vallarta (ES)"
    meeting.save()
    room_c.name_fr, room_c.name_es = "Salle C", "Sala C"
    room_c.save()
    return meeting


@pytest.fixture
def published(chair, translated):
    return services.programme_publish(meeting=translated, actor=chair)


def session_url(session) -> str:
    return reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session.pk})


def programme_url() -> str:
    return reverse("roundtables:programme", kwargs={"number": 4})


# -- The migration ------------------------------------------------------------------------------------


def test_the_migration_keeps_the_names_written_before_as_english(meeting, room_c):
    # The models as the migration sees them: no translation manager rewrites "city" into "city_en".
    state = MigrationLoader(connection).project_state(("roundtables", MIGRATION)).apps
    old_meeting, old_room = state.get_model("roundtables", "Meeting"), state.get_model("roundtables", "Room")
    # As the rows stood before the migration: only the untranslated columns held the names.
    old_meeting.objects.filter(pk=meeting.pk).update(city="Manila", city_en=None, venue="PICC", venue_en=None)
    old_room.objects.filter(pk=room_c.pk).update(name="Hall 1", name_en=None)
    copy_into_english(state, None)
    assert old_meeting.objects.values_list("city_en", "venue_en", "city_fr").get(pk=meeting.pk) == (
        "Manila",
        "PICC",
        None,
    )
    assert old_room.objects.values_list("name_en", "name_fr").get(pk=room_c.pk) == ("Hall 1", None)


# -- The public pages, in the reader's language -------------------------------------------------------


def test_a_french_reader_sees_the_french_venue_city_and_room_on_the_programme(client, published, session_3_1):
    page = client.get(programme_url(), headers={"accept-language": "fr"}).content.decode()
    assert "Centre des congrès, Puerto Vallarta (FR)" in page
    assert "Salle C" in page
    assert "Room C" not in page


def test_an_english_reader_sees_the_english_venue_city_and_room_on_the_programme(client, published, session_3_1):
    page = client.get(programme_url(), headers={"accept-language": "en"}).content.decode()
    assert "Convention Center, Puerto Vallarta" in page
    assert ("Room C" in page, "Salle C" in page) == (True, False)


def test_a_french_reader_sees_the_french_room_and_venue_on_the_session_page(client, published, session_3_1):
    page = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    assert "Salle C, Centre des congrès" in page


def test_a_spanish_reader_sees_the_spanish_room_and_venue_on_the_session_page(client, published, session_3_1):
    page = client.get(session_url(session_3_1), headers={"accept-language": "es"}).content.decode()
    assert "Sala C, Centro de Convenciones" in page


def test_an_english_reader_sees_the_english_room_on_the_session_page(client, published, session_3_1):
    page = client.get(session_url(session_3_1), headers={"accept-language": "en"}).content.decode()
    assert "Room C, Convention Center" in page


def test_a_room_without_a_french_name_reads_english_in_french(client, chair, meeting, room_c, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    page = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    assert "Room C, Convention Center" in page


def test_the_host_country_is_named_in_the_readers_language(client, meeting):
    page = client.get(reverse("roundtables:home"), headers={"accept-language": "fr"}).content.decode()
    assert "Mexique" in page


def test_the_calendar_names_the_place_in_the_readers_language(client, published, session_3_1):
    url = reverse("roundtables:session_ics", kwargs={"number": 4, "pk": session_3_1.pk})
    body = client.get(url, headers={"accept-language": "fr"}).content.decode().replace("\r\n ", "")
    location = next(line for line in body.splitlines() if line.startswith("LOCATION"))
    assert location == r"LOCATION:Salle C\, Centre des congrès\, Puerto Vallarta (FR)"


def test_the_model_reads_the_room_in_the_active_language(translated, room_c):
    with translation.override("fr"):
        assert (Room.objects.get(pk=room_c.pk).name, Meeting.objects.get(pk=translated.pk).city) == (
            "Salle C",
            "Puerto Vallarta (FR)",
        )


# -- A new French name, a new French page -------------------------------------------------------------


def test_a_new_french_room_name_republished_changes_the_french_page(client, chair, published, room_c, session_3_1):
    client.get(session_url(session_3_1), headers={"accept-language": "fr"})  # cached with "Salle C"
    services.room_update(room=room_c, actor=chair, fields={"name_fr": "Salle Cancún"})
    # Until the Chair's office publishes again, the public reads the programme as published.
    before = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    services.programme_publish(meeting=room_c.meeting, actor=chair)
    after = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    assert ("Salle C," in before, "Salle Cancún," in after, "Salle C," in after) == (True, True, False)


def test_a_translated_room_is_a_change_of_room_in_the_next_version(chair, published, room_c, session_3_1):
    room_c.name_fr = "Salle Cancún"
    room_c.save()
    changes = programme_changes(published.snapshot, build_snapshot(room_c.meeting))
    assert [(c["object"], c.get("code"), c["fields"]) for c in changes] == [("session", "3.1", ["room"])]


def test_a_release_published_before_the_translations_compares_by_its_english_names(chair, meeting, room_c, session_3_1):
    old = build_snapshot(meeting)
    # As a release published before the migration stored them: one English string each.
    old["meeting"]["city"], old["meeting"]["venue"] = meeting.city_en, meeting.venue_en
    for item in old["sessions"]:
        item["room"] = item["room"]["en"] if item["room"] else ""
    assert programme_changes(old, build_snapshot(meeting)) == []


def test_a_release_published_before_the_translations_still_reads(client, chair, meeting, room_c, session_3_1):
    release = services.programme_publish(meeting=meeting, actor=chair)
    snapshot = dict(release.snapshot)
    snapshot["meeting"] = {**snapshot["meeting"], "city": "Puerto Vallarta", "venue": "Convention Center"}
    snapshot["sessions"] = [{**item, "room": "Room C"} for item in snapshot["sessions"]]
    type(release).objects.filter(pk=release.pk).update(snapshot=snapshot)
    page = client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    assert "Room C, Convention Center" in page


# -- The Chair's office edits them ----------------------------------------------------------------------


def meeting_form_data(meeting, **overrides) -> dict:
    data = {
        "number": meeting.number,
        "title_en": meeting.title_en,
        "theme_en": meeting.theme_en,
        "host_country": "MX",
        "city_en": "Puerto Vallarta",
        "city_fr": "Puerto Vallarta",
        "city_es": "Puerto Vallarta",
        "venue_en": "Convention Center",
        "venue_fr": "Centre des congrès",
        "venue_es": "Centro de Convenciones",
        "start_date": "2010-11-08",
        "end_date": "2010-11-11",
        "time_zone": "America/Mexico_City",
        "status": meeting.status,
    }
    return {**data, **overrides}


def test_the_meeting_form_has_the_city_and_venue_in_each_language(chair_client, meeting):
    form = chair_client.get(reverse("roundtables:meeting_edit", kwargs={"number": 4})).context["form"]
    assert [(name, form.fields[name].required) for name in form.fields if name.startswith(("city", "venue"))] == [
        ("city_en", True),
        ("city_fr", False),
        ("city_es", False),
        ("venue_en", False),
        ("venue_fr", False),
        ("venue_es", False),
    ]


def test_the_chairs_office_saves_the_french_venue(chair_client, meeting):
    url = reverse("roundtables:meeting_edit", kwargs={"number": 4})
    response = chair_client.post(url, meeting_form_data(meeting))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.venue_fr, meeting.venue_es, meeting.city_en) == (
        "Centre des congrès",
        "Centro de Convenciones",
        "Puerto Vallarta",
    )


def test_the_city_is_required_in_english(chair_client, meeting):
    url = reverse("roundtables:meeting_edit", kwargs={"number": 4})
    response = chair_client.post(url, meeting_form_data(meeting, city_en=""))
    assert response.context["form"].errors["city_en"] == ["This field is required."]


def test_copying_a_meeting_copies_its_rooms_names_in_every_language(chair, translated, room_c):
    new = services.meeting_copy(
        source=translated,
        actor=chair,
        fields={
            "number": 5,
            "title_en": "Fifth",
            "theme_en": "Action",
            "host_country": "CH",
            "city_en": "Geneva",
            "city_fr": "Genève",
            "start_date": translated.start_date.replace(year=2011),
            "end_date": translated.end_date.replace(year=2011),
            "time_zone": "Europe/Zurich",
        },
    )
    assert list(new.rooms.values_list("name_en", "name_fr", "name_es")) == [("Room C", "Salle C", "Sala C")]
    assert (new.city_en, new.city_fr) == ("Geneva", "Genève")


# -- The rooms' pages -----------------------------------------------------------------------------------


def room_data(**overrides) -> dict:
    return {"name_en": "Plenary Hall", "name_fr": "Salle plénière", "name_es": "", "capacity": "600", **overrides}


def test_the_chairs_office_adds_a_room_in_three_languages(chair_client, meeting):
    response = chair_client.post(reverse("roundtables:room_create", kwargs={"number": 4}), room_data())
    assert response["Location"] == reverse("roundtables:rooms", kwargs={"number": 4})
    # An empty translation is stored as NULL, so two rooms without a Spanish name do not clash.
    assert list(meeting.rooms.values_list("name_en", "name_fr", "name_es", "capacity")) == [
        ("Plenary Hall", "Salle plénière", None, 600)
    ]


def test_two_rooms_without_a_spanish_name_do_not_clash(chair_client, meeting):
    url = reverse("roundtables:room_create", kwargs={"number": 4})
    chair_client.post(url, room_data())
    chair_client.post(url, room_data(name_en="Room B", name_fr="Salle B"))
    assert meeting.rooms.count() == 2


def test_a_french_name_another_room_has_is_refused_next_to_the_field(chair_client, meeting, room_c):
    room_c.name_fr = "Salle C"
    room_c.save()
    url = reverse("roundtables:room_create", kwargs={"number": 4})
    response = chair_client.post(url, room_data(name_en="Room D", name_fr="salle c"))
    assert response.context["form"].errors["name_fr"] == ["Another room of this meeting is already called “salle c”."]


def test_the_chairs_office_translates_a_room_and_the_log_says_so(chair_client, chair, room_c):
    url = reverse("roundtables:room_edit", kwargs={"pk": room_c.pk})
    chair_client.post(url, room_data(name_en="Room C", name_fr="Salle C", name_es="Sala C", capacity=""))
    room_c.refresh_from_db()
    assert (room_c.name_fr, room_c.name_es) == ("Salle C", "Sala C")
    entry = ActivityLog.objects.order_by("-pk").first()
    assert (entry.action, entry.data["changes"]["name_fr"]) == ("roundtables.room.updated", ["", "Salle C"])


def test_the_rooms_page_lists_the_names_in_each_language(chair_client, translated, room_c):
    page = chair_client.get(reverse("roundtables:rooms", kwargs={"number": 4})).content.decode()
    assert ("Salle C" in page, "Sala C" in page) == (True, True)


@pytest.mark.parametrize("name", ["roundtables:rooms", "roundtables:room_create"])
def test_someone_outside_the_chairs_office_cannot_open_the_rooms_pages(client, meeting, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name, kwargs={"number": 4})).status_code == 403


def test_someone_outside_the_chairs_office_cannot_edit_a_room(client, room_c):
    client.force_login(UserFactory())
    response = client.post(reverse("roundtables:room_edit", kwargs={"pk": room_c.pk}), room_data(name_en="Hacked"))
    room_c.refresh_from_db()
    assert (response.status_code, room_c.name_en) == (403, "Room C")


def test_the_room_service_refuses_the_wrong_person(room_c):
    with pytest.raises(PermissionDenied):
        services.room_update(room=room_c, actor=UserFactory(), fields={"name_fr": "Salle"})


def test_another_meetings_chairs_office_cannot_edit_this_meetings_room(client, room_c):
    officer = UserFactory()
    grant_chair_staff(officer, [MeetingFactory(number=9)])  # outside meeting 4's troika
    client.force_login(officer)
    assert client.get(reverse("roundtables:room_edit", kwargs={"pk": room_c.pk})).status_code == 403


def test_the_rooms_list_costs_the_same_for_one_and_three_pages(chair_client, meeting, monkeypatch):
    monkeypatch.setattr(rooms, "ROOMS_PER_PAGE", 2)
    RoomFactory.reset_sequence(0)
    assert_pages_cost_the_same(
        chair_client,
        reverse("roundtables:rooms", kwargs={"number": 4}),
        lambda n: RoomFactory.create_batch(n, meeting=meeting),
        per_page=2,
    )
