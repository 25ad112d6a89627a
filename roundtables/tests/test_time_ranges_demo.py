"""The demo's Civil Society Days (Monday 09:00 to Tuesday 13:00) read as two days wherever they are listed."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags
from icalendar import Calendar

from accounts.models import User
from accounts.tests.factories import UserFactory

BOTH_DAYS = "Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00"


@pytest.fixture
def demo_data(db):
    call_command("load_demo", quiet_accounts=True)


def _text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


def test_chair_sessions_list_shows_both_days_of_the_civil_society_days(client, demo_data):
    client.force_login(User.objects.get(email="chair@example.org"))
    response = client.get(reverse("roundtables:structure"))
    assert f"CSD Civil Society Days Civil Society Days {BOTH_DAYS} Plenary Hall" in _text(response)


def test_chair_sessions_list_in_french_names_both_days(client, demo_data):
    chair = User.objects.get(email="chair@example.org")
    chair.preferred_language = "fr"
    chair.save(update_fields=["preferred_language"])
    client.force_login(chair)
    response = client.get(reverse("roundtables:structure"))
    assert "lun 8 nov., 09:00 – mar 9 nov., 13:00 Salle plénière" in _text(response)


def test_registration_form_shows_both_days_of_the_civil_society_days(client, demo_data):
    client.force_login(UserFactory())
    response = client.get(reverse("delegations:register"))
    page = response.content.decode()
    assert BOTH_DAYS in _text(response)
    assert "Mon 8 Nov, 09:00–13:00" not in _text(response)
    assert '<time datetime="2010-11-09T13:00:00-06:00">Tue 9 Nov, 13:00</time>' in page


def test_schedule_grid_shows_the_civil_society_days_with_both_days_in_the_host_citys_time(client, demo_data):
    client.force_login(User.objects.get(email="chair@example.org"))
    response = client.get(reverse("roundtables:schedule"))
    text = _text(response)
    # Shown on both days' rows, each time with both days; the plenaries in Puerto Vallarta time.
    assert text.count(f"{BOTH_DAYS} CSD Civil Society Days") == 2
    assert "09:00–10:30 OP Opening plenary" in text


def test_public_programme_repeats_no_id_for_a_session_over_two_days(client, demo_data):
    import re

    page = client.get(reverse("roundtables:programme")).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert strip_tags(page).count(BOTH_DAYS) >= 2


def test_ical_event_over_two_days_starts_and_ends_on_its_own_days(client, demo_data):
    response = client.get(reverse("roundtables:programme_ics", kwargs={"number": 4}))
    calendar = Calendar.from_ical(response.content)
    event = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("CSD "))
    assert event.decoded("DTSTART").isoformat() == "2010-11-08T09:00:00-06:00"
    assert event.decoded("DTEND").isoformat() == "2010-11-09T13:00:00-06:00"
    assert event["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert "DTSTART;TZID=America/Mexico_City:20101108T090000" in response.content.decode()
    assert "DTEND;TZID=America/Mexico_City:20101109T130000" in response.content.decode()


def test_activity_log_names_the_zone_and_writes_datetimes_without_microseconds(client, demo_data):
    import re

    client.force_login(User.objects.get(email="chair@example.org"))
    page = client.get(reverse("roundtables:activity")).content.decode()
    assert "When (Puerto Vallarta time)" in _text_of(page)
    stamps = re.findall(r'<time datetime="([^"]+)"', page)
    assert stamps
    assert [s for s in stamps if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[56]:00", s)] == []


def _text_of(page: str) -> str:
    return " ".join(strip_tags(page).split())
