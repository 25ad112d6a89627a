"""The registrations exports write times in the meeting's zone and say which zone."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

# 15:00 UTC on 1 October 2010 is 10:00 in Puerto Vallarta (UTC-5 until 31 October that year).
REGISTERED = dt.datetime(2010, 10, 1, 15, 0, 0, 123456, tzinfo=dt.UTC)
DECIDED = dt.datetime(2010, 10, 4, 23, 30, tzinfo=dt.UTC)


@pytest.fixture
def registration(open_meeting, mexico, chair):
    open_meeting.time_zone = "America/Mexico_City"
    open_meeting.save(update_fields=["time_zone"])
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved", decided_by=chair)
    Registration.objects.filter(pk=registration.pk).update(created_at=REGISTERED, decided_at=DECIDED)
    return registration


def test_csv_export_writes_times_in_iso_8601_with_the_meetings_offset(client, chair, registration):
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=["csv"]))
    header, row = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))
    assert (header[15], header[17]) == ("Registered at (America/Mexico_City)", "Decided at (America/Mexico_City)")
    assert (row[15], row[17]) == ("2010-10-01T10:00:00-05:00", "2010-10-04T18:30:00-05:00")


def test_xlsx_export_keeps_date_time_cells_in_the_meetings_zone(client, chair, registration):
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert (sheet["P1"].value, sheet["R1"].value) == (
        "Registered at (America/Mexico_City)",
        "Decided at (America/Mexico_City)",
    )
    assert (sheet["P2"].value, sheet["R2"].value) == (dt.datetime(2010, 10, 1, 10, 0), dt.datetime(2010, 10, 4, 18, 30))
    assert sheet["P2"].is_date and sheet["R2"].is_date


def test_pending_registration_leaves_the_decision_time_empty(client, chair, open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, status="pending")
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=["xlsx"]))
    assert load_workbook(io.BytesIO(response.getvalue())).active["R2"].value is None
