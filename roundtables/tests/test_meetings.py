import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from activity.models import ActivityLog
from roundtables import services
from roundtables.models import Meeting, Session
from roundtables.tests.conftest import at
from roundtables.tests.factories import RoomFactory, SessionDelegationFactory, SessionFactory, SessionPersonFactory

GENEVA = ZoneInfo("Europe/Zurich")


def next_year(**overrides):
    fields = {
        "number": 5,
        "title_en": "Fifth Meeting of the Global Forum on Migration and Development",
        "title_fr": "",
        "title_es": "",
        "theme_en": "Taking action on migration and development",
        "host_country": "CH",
        "city_en": "Geneva",
        "venue_en": "Geneva International Conference Centre",
        "start_date": dt.date(2011, 11, 7),
        "end_date": dt.date(2011, 11, 10),
        "time_zone": "Europe/Zurich",
    }
    return {**fields, **overrides}


@pytest.fixture
def structure(meeting, session_3_1):
    session_3_1.title_fr = "Évaluer"
    session_3_1.team_notes = "Call Sweden"
    session_3_1.save()
    SessionDelegationFactory(session=session_3_1)
    SessionPersonFactory(session=session_3_1)
    hall = RoomFactory(meeting=meeting, name="Plenary Hall", capacity=600)
    SessionFactory(
        roundtable=None,
        meeting=meeting,
        code="CSD",
        kind="civil_society",
        room=hall,
        starts_at=at(8, 9),
        ends_at=at(9, 13),
    )
    return meeting


@pytest.mark.django_db
def test_meeting_copy_takes_the_structure_not_the_people(chair, structure, session_3_1):
    new = services.meeting_copy(source=structure, actor=chair, fields=next_year())
    assert (new.is_current, new.status, Meeting.objects.current()) == (False, "planning", structure)
    assert sorted(new.rooms.values_list("name", "capacity")) == [("Plenary Hall", 600), ("Room C", None)]
    assert list(new.roundtables.values_list("number", "title_en")) == [(3, "Policy and institutional coherence")]
    copied = new.sessions.get(code="3.1")
    assert (copied.title_en, copied.title_fr, copied.team_notes, copied.room.meeting) == (
        session_3_1.title_en,
        "Évaluer",
        "",
        new,
    )
    assert (copied.roundtable.meeting, copied.team_delegations.count(), copied.team_people.count()) == (new, 0, 0)
    assert session_3_1.team_people.count() == 1  # the source keeps its teams


@pytest.mark.django_db
def test_meeting_copy_keeps_wall_clock_times_in_the_new_time_zone(chair, structure):
    # The 2010 meeting opened on Monday 8 November; the 2011 one on Monday 7 November: 364 days later.
    new = services.meeting_copy(source=structure, actor=chair, fields=next_year())
    copied = new.sessions.get(code="3.1")
    assert (copied.starts_at, copied.ends_at) == (
        dt.datetime(2011, 11, 9, 11, tzinfo=GENEVA),
        dt.datetime(2011, 11, 9, 13, tzinfo=GENEVA),
    )
    days = new.sessions.get(code="CSD")
    assert (days.starts_at, days.ends_at) == (
        dt.datetime(2011, 11, 7, 9, tzinfo=GENEVA),
        dt.datetime(2011, 11, 8, 13, tzinfo=GENEVA),
    )


@pytest.mark.django_db
def test_meeting_copy_is_logged_on_the_new_meeting(chair, structure):
    new = services.meeting_copy(source=structure, actor=chair, fields=next_year())
    entry = ActivityLog.objects.get(action="roundtables.meeting.copied")
    assert (entry.meeting, entry.data) == (new, {"source": 4, "rooms": 2, "roundtables": 1, "sessions": 2, "days": 364})


@pytest.mark.django_db
def test_meeting_make_current_hands_over(chair, structure):
    new = services.meeting_copy(source=structure, actor=chair, fields=next_year())
    services.meeting_make_current(meeting=new, actor=chair)
    assert (Meeting.objects.current(), Meeting.objects.filter(is_current=True).count()) == (new, 1)
    assert ActivityLog.objects.get(action="roundtables.meeting.made_current").data == {"previous": 4}


# Pages ------------------------------------------------------------------------------------------


def form_data(**overrides):
    data = next_year(**overrides)
    return {key: (value.isoformat() if isinstance(value, dt.date) else value) for key, value in data.items()}


@pytest.mark.django_db
def test_copy_page_proposes_next_years_number_and_dates(chair_client, structure):
    initial = chair_client.get(reverse("roundtables:meeting_copy")).context["form"].initial
    assert (initial["number"], initial["start_date"], initial["end_date"], initial["time_zone"]) == (
        5,
        dt.date(2011, 11, 7),
        dt.date(2011, 11, 10),
        "America/Mexico_City",
    )


@pytest.mark.django_db
def test_copy_page_creates_the_meeting_and_opens_its_dashboard(chair_client, structure):
    response = chair_client.post(reverse("roundtables:meeting_copy"), form_data())
    assert response["Location"] == reverse("roundtables:chair_dashboard", kwargs={"number": 5})
    assert Session.objects.filter(meeting__number=5).count() == 2
    dashboard = chair_client.get(response["Location"]).content.decode()
    assert "Make it the current meeting" in dashboard


@pytest.mark.django_db
def test_copy_page_refuses_a_taken_number_a_bad_zone_and_an_end_before_the_start(chair_client, structure):
    data = form_data(number=4, time_zone="Geneva", end_date="2011-11-01")
    response = chair_client.post(reverse("roundtables:meeting_copy"), data)
    errors = response.context["form"].errors
    assert errors == {
        "number": ["Meeting with this Number already exists."],
        "time_zone": ["“Geneva” is not a time zone name. Use one like America/Mexico_City or Europe/Geneva."],
        "end_date": ["The meeting must end on or after the day it starts."],
    }
    assert 'value="Geneva International Conference Centre"' in response.content.decode()
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_make_current_page_action(chair_client, chair, structure):
    services.meeting_copy(source=structure, actor=chair, fields=next_year())
    response = chair_client.post(reverse("roundtables:meeting_make_current", kwargs={"number": 5}))
    assert (response["Location"], Meeting.objects.current().number) == ("/chair/", 5)


@pytest.mark.django_db
def test_make_current_refuses_a_delegate(client, delegate, chair, structure):
    services.meeting_copy(source=structure, actor=chair, fields=next_year())
    client.force_login(delegate)
    assert client.post(reverse("roundtables:meeting_make_current", kwargs={"number": 5})).status_code == 403
    assert Meeting.objects.current().number == 4


@pytest.mark.django_db
def test_meeting_details_page_saves_and_logs(chair_client, meeting):
    data = form_data(
        number=4, start_date="2010-11-08", end_date="2010-11-11", title_fr="Quatrième réunion", status="open"
    )
    response = chair_client.post(reverse("roundtables:meeting_edit"), data)
    meeting.refresh_from_db()
    assert (response.status_code, meeting.title_fr, meeting.city) == (302, "Quatrième réunion", "Geneva")
    assert "title_fr" in ActivityLog.objects.get(action="roundtables.meeting.updated").data["changes"]
