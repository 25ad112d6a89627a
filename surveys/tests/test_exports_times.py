"""Survey exports write times in the meeting's zone and say which: ISO 8601 with the offset in CSV, real
date-time cells (the host city's wall clock) in XLSX with the zone in the header."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from delegations.tests.factories import DelegationFactory
from roundtables.tests.factories import MeetingFactory
from surveys.exports import results_csv, results_xlsx
from surveys.models import Invitation
from surveys.services import response_submit
from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory

pytestmark = pytest.mark.django_db

HEADER = ["Respondent", "Delegation", "Submitted at (America/Mexico_City)", "1. Comments"]


@pytest.fixture
def survey():
    meeting = MeetingFactory(time_zone="America/Mexico_City")
    survey = SurveyFactory(meeting=meeting)
    question = QuestionFactory(section=SectionFactory(survey=survey), kind="text", text_en="Comments")
    invitation = Invitation.objects.create(survey=survey, delegation=DelegationFactory(country="GH", name="Ghana"))
    # 16:30 UTC on 15 February 2010 is 10:30 in Puerto Vallarta (UTC-6).
    response = response_submit(invitation=invitation, questions=[question], values={question.pk: "Fine"})
    type(response).objects.filter(pk=response.pk).update(
        submitted_at=dt.datetime(2010, 2, 15, 16, 30, 0, 250000, tzinfo=dt.UTC)
    )
    return survey


def test_csv_export_writes_submission_time_as_iso_8601_with_the_meetings_offset(survey):
    rows = list(csv.reader(io.StringIO(results_csv(survey))))
    assert rows[0] == HEADER
    assert rows[1][2] == "2010-02-15T10:30:00-06:00"


def test_xlsx_export_keeps_a_date_time_cell_in_the_meetings_zone(survey):
    sheet = load_workbook(io.BytesIO(results_xlsx(survey)))["Answers"]
    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet["C2"].value == dt.datetime(2010, 2, 15, 10, 30)
    assert sheet["C2"].is_date


def test_export_header_names_the_zone_before_anyone_answered():
    survey = SurveyFactory(meeting=MeetingFactory(time_zone="Europe/Brussels"))
    header = next(csv.reader(io.StringIO(results_csv(survey))))
    assert header == ["Respondent", "Delegation", "Submitted at (Europe/Brussels)"]
