"""Sessions that run at the same time cannot both be chosen: a seat held in each is a seat nobody uses."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations import services
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from roundtables.models import Session
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

VALLARTA = ZoneInfo("America/Mexico_City")
CLASH_1_1_2_1 = "Sessions 1.1 and 2.1 both run on Wednesday 10 November, 11:00–13:00: choose one."


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2010, 11, day, hour, tzinfo=VALLARTA)


@pytest.fixture
def programme(open_meeting, sessions):
    """The 2010 times: 1.1 and 2.1 in parallel on Wednesday from 11:00 to 13:00, 1.2 right after
    them, the Civil Society Days from Monday 09:00 to Tuesday 13:00."""
    open_meeting.time_zone = "America/Mexico_City"
    open_meeting.save()
    for code, start, end in (("1.1", at(10, 11), at(10, 13)), ("2.1", at(10, 11), at(10, 13))):
        Session.objects.filter(pk=sessions[code].pk).update(starts_at=start, ends_at=end)
    roundtable = sessions["1.1"].roundtable
    return {
        "1.1": Session.objects.get(pk=sessions["1.1"].pk),
        "2.1": Session.objects.get(pk=sessions["2.1"].pk),
        "1.2": SessionFactory(roundtable=roundtable, code="1.2", starts_at=at(10, 13), ends_at=at(10, 15)),
        "CSD": SessionFactory(
            meeting=open_meeting,
            roundtable=None,
            code="CSD",
            kind=Session.Kind.CIVIL_SOCIETY,
            starts_at=at(8, 9),
            ends_at=at(9, 13),
        ),
        "CS-side": SessionFactory(
            meeting=open_meeting, roundtable=None, code="CX", starts_at=at(8, 15), ends_at=at(8, 17)
        ),
    }


def flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def register(person, meeting, delegation, sessions):
    return services.registration_create(
        person=person, meeting=meeting, delegation=delegation, role="delegate", sessions=sessions
    )


def test_registration_create_refuses_parallel_sessions_naming_both_and_the_time(open_meeting, mexico, programme):
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, [programme["2.1"], programme["1.1"]])
    assert error.value.message_dict == {"sessions": [CLASH_1_1_2_1]}
    assert Registration.objects.count() == 0


def test_registration_create_accepts_back_to_back_sessions(open_meeting, mexico, programme):
    registration = register(UserFactory(), open_meeting, mexico, [programme["1.1"], programme["1.2"]])
    assert sorted(registration.sessions.values_list("code", flat=True)) == ["1.1", "1.2"]


def test_a_session_spanning_days_clashes_by_its_real_times(open_meeting, mexico, programme):
    """Monday 15:00 is inside the Civil Society Days (Monday 09:00 to Tuesday 13:00), though it is
    after the 13:00 that a one-day reading of their times would end at."""
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, [programme["CSD"], programme["CS-side"]])
    assert error.value.message_dict == {
        "sessions": ["Sessions CSD and CX both run on Monday 8 November, 15:00–17:00: choose one."]
    }


def test_registration_change_refuses_a_parallel_session_and_keeps_the_saved_choice(open_meeting, mexico, programme):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[programme["1.1"]])
    with pytest.raises(ValidationError) as error:
        services.registration_change(
            registration=registration,
            actor=registration.person,
            sessions=[programme["1.1"], programme["2.1"]],
            job_title="Adviser",
            accessibility_needs="",
            dietary_needs="",
            visa_letter_needed=False,
            public_list_consent=False,
        )
    assert error.value.message_dict == {"sessions": [CLASH_1_1_2_1]}
    assert list(registration.sessions.values_list("code", flat=True)) == ["1.1"]


def test_forged_post_with_parallel_sessions_shows_the_reason_next_to_the_field(client, open_meeting, mexico, programme):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("delegations:register"),
        {
            "delegation": mexico.pk,
            "role": "delegate",
            "job_title": "Counsellor",
            "sessions": [programme["1.1"].pk, programme["2.1"].pk],
            "dietary_needs": "Halal",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"sessions": [CLASH_1_1_2_1]}
    page = flat(response.content.decode())
    assert (
        f'<div class="alert alert-danger" role="alert" id="sessions-errors"> <p class="mb-0">{CLASH_1_1_2_1}</p>'
        in page
    )
    assert 'value="Halal"' in page
    assert not Registration.objects.filter(person=person).exists()


def test_register_form_gives_each_session_its_times_for_the_script(client, open_meeting, mexico, programme):
    client.force_login(UserFactory())
    page = flat(client.get(reverse("delegations:register")).content.decode())
    box = f"id_sessions_{programme['CSD'].pk}"
    assert (
        f'id="{box}" aria-describedby="{box}-meta {box}-clash" data-session-code="CSD" '
        'data-starts="2010-11-08T09:00:00-06:00" data-ends="2010-11-09T13:00:00-06:00"'
    ) in page
    assert f'<p id="{box}-clash" class="session-clash mb-0" hidden></p>' in page


def test_a_clash_over_two_days_names_both_days(open_meeting, mexico, programme):
    overnight = SessionFactory(meeting=open_meeting, roundtable=None, code="NX", starts_at=at(8, 20), ends_at=at(9, 10))
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), open_meeting, mexico, [programme["CSD"], overnight])
    assert error.value.message_dict == {
        "sessions": [
            "Sessions CSD and NX both run on Monday 8 November, 20:00 – Tuesday 9 November, 10:00: choose one."
        ]
    }
