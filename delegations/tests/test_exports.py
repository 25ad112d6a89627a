"""Exports open in a spreadsheet without running anything a participant typed."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delegations import exports
from delegations.selectors import registrations_visible_to
from delegations.tests.factories import RegistrationFactory
from gfmd.spreadsheets import neutralise

pytestmark = pytest.mark.django_db

# What a participant might type, and what the spreadsheet must show instead.
HOSTILE = {
    '=HYPERLINK("http://evil.example","x")': '\'=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(1,1)": "'@SUM(1,1)",
    "\t=1+2": "'\t=1+2",
    "\r=1+2": "'\r=1+2",
    "\x00=1+2": "'=1+2",  # NUL cannot be stored in XLSX (XML) at all: dropped, the apostrophe stays
}


@pytest.mark.parametrize(("value", "expected"), HOSTILE.items())
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_neutralise_leaves_ordinary_text_alone():
    assert [neutralise(v) for v in ("Ana María", "1.1 2.1", "", None, "a=b")] == [
        "Ana María",
        "1.1 2.1",
        "",
        "",
        "a=b",
    ]


@pytest.fixture
def hostile_registrations(open_meeting, mexico, chair, sessions):
    """One registration per hostile value, the value in the first name, the job title, the
    dietary needs and the accessibility needs (in memory: PostgreSQL refuses NUL in text)."""
    for _ in HOSTILE:
        RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    registrations = list(registrations_visible_to(chair, meeting=open_meeting).order_by("pk"))
    for registration, value in zip(registrations, HOSTILE, strict=True):
        registration.person.first_name = value
        registration.job_title = value
        registration.dietary_needs = value
        registration.accessibility_needs = value
    return registrations


COLUMNS = {"first_name": 4, "job_title": 7, "accessibility_needs": 12, "dietary_needs": 13}


def test_csv_cells_are_neutralised(hostile_registrations):
    content = exports.as_csv(hostile_registrations).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    assert rows[0][:3] == ["Delegation", "Kind", "Region"]
    for row, expected in zip(rows[1:], HOSTILE.values(), strict=True):
        assert [row[i] for i in COLUMNS.values()] == [expected] * 4
        assert row[10] == "1.1"


def test_xlsx_cells_are_neutralised_and_stored_as_text(hostile_registrations):
    workbook = load_workbook(io.BytesIO(exports.as_xlsx(hostile_registrations, title="Registrations")))
    sheet = workbook["Registrations"]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(HOSTILE)
    for row, expected in zip(rows, HOSTILE.values(), strict=True):
        assert [row[i].value for i in COLUMNS.values()] == [expected] * 4
    # Every cell text but the two times (registered at, decided at), which are date-time cells.
    times = {15, 17}
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None and c.col_idx - 1 not in times]
    assert {c.data_type for c in cells} == {"s"}


def test_export_view_neutralises_what_was_saved(client, chair, open_meeting, mexico):
    RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        person__first_name="=1+2",
        person__last_name="@Evil",
        job_title="+cmd",
        dietary_needs="-1",
    )
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="gfmd-registrations-')
    row = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))[1]
    assert (row[4], row[5], row[7], row[13]) == ("'=1+2", "'@Evil", "'+cmd", "'-1")

    response = client.get(reverse("delegations:registrations_export", args=["xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cells = [sheet.cell(row=2, column=i + 1) for i in (4, 5, 7, 13)]
    assert [(c.value, c.data_type) for c in cells] == [("'=1+2", "s"), ("'@Evil", "s"), ("'+cmd", "s"), ("'-1", "s")]


def test_export_applies_the_filters(client, chair, open_meeting, mexico, ghana):
    RegistrationFactory(meeting=open_meeting, delegation=mexico, person__last_name="Castillo", status="approved")
    RegistrationFactory(meeting=open_meeting, delegation=ghana, person__last_name="Okafor")
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=["csv"]), {"status": "approved"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))
    assert [row[5] for row in rows[1:]] == ["Castillo"]


def test_export_unknown_format_is_404(client, chair, open_meeting):
    client.force_login(chair)
    assert client.get("/delegations/registrations/export.xls").status_code == 404
