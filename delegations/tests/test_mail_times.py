"""The registration mails give each chosen session's time with both days when it spans two."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from delegations.tests.factories import RegistrationFactory
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
VALLARTA = ZoneInfo("America/Mexico_City")


def test_mail_lists_a_session_over_two_days_with_both_days(open_meeting):
    open_meeting.time_zone = "America/Mexico_City"
    open_meeting.save(update_fields=["time_zone"])
    session = SessionFactory(
        meeting=open_meeting,
        roundtable=None,
        code="CSD",
        title_en="Civil Society Days",
        starts_at=dt.datetime(2010, 11, 8, 15, tzinfo=dt.UTC),  # 09:00 in Puerto Vallarta
        ends_at=dt.datetime(2010, 11, 9, 13, tzinfo=VALLARTA),
    )
    registration = RegistrationFactory(meeting=open_meeting)
    with translation.override("en"):
        text = render_to_string("delegations/mail/_sessions.txt", {"registration": registration, "sessions": [session]})
    assert text == (
        "Sessions you chose:\n  CSD  Civil Society Days (Monday 8 November, 09:00 – Tuesday 9 November, 13:00)\n\n"
    )
