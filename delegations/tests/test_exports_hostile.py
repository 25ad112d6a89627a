"""Whatever a participant types, the registrations exports hold no cell a spreadsheet would run.

Arbitrary Unicode (control characters, invisible characters, full-width forms...) goes into
every field a person or a focal point can write; the files come back through the export view and
are read as a spreadsheet would read them: the CSV with the csv module, the XLSX with openpyxl."""

import csv
import io

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from gfmd.spreadsheets import neutralise
from gfmd.tests.hostile import hostile_text, spreadsheet_would_evaluate

pytestmark = pytest.mark.django_db

# Each example writes its rows in a transaction rolled back at its end, so the function-scoped
# fixtures (the Chair's office, the meeting) are safely shared between examples.
EXAMPLES = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# The columns of the export that hold what people typed, and the longest text each field takes.
TYPED = {
    "delegation": (0, 200),
    "first_name": (4, 150),
    "last_name": (5, 150),
    "email": (6, 200),
    "job_title": (7, 200),
    "accessibility_needs": (12, 400),
    "dietary_needs": (13, 300),
    "decided_by": (16, 150),
    "decision_reason": (18, 400),
}
TEXTS = st.fixed_dictionaries(
    {field: hostile_text(max_size=size, nul=False) for field, (_, size) in TYPED.items()}
    # A rejection always gives its reason (a database constraint).
    | {"decision_reason": hostile_text(max_size=400, nul=False).filter(bool)}
)


class _RolledBack(Exception):
    pass


def _export(client, chair, meeting, sessions, texts, file_format):
    """The export of one registration holding `texts`, fetched by the Chair's office."""
    decider = UserFactory(first_name=texts["decided_by"], last_name="", verified=False)
    RegistrationFactory(
        meeting=meeting,
        delegation=OrganisationFactory(name=texts["delegation"]),
        person=UserFactory(
            first_name=texts["first_name"], last_name=texts["last_name"], email=texts["email"], verified=False
        ),
        job_title=texts["job_title"],
        accessibility_needs=texts["accessibility_needs"],
        dietary_needs=texts["dietary_needs"],
        status=Registration.Status.REJECTED,
        decided_by=decider,
        decided_at=timezone.now(),
        decision_reason=texts["decision_reason"],
        sessions=[sessions["1.1"]],
    )
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", args=[file_format]))
    assert response.status_code == 200
    return response.getvalue(), decider.display_name


def _expected(texts, decider_name):
    typed = {**texts, "decided_by": decider_name}
    return [neutralise(typed[field]) for field in TYPED]


@EXAMPLES
@given(texts=TEXTS)
def test_registrations_csv_holds_no_formula(client, chair, open_meeting, sessions, texts):
    try:
        with transaction.atomic():
            content, decider_name = _export(client, chair, open_meeting, sessions, texts, "csv")
            raise _RolledBack
    except _RolledBack:
        pass

    header, *rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    assert len(rows) == 1
    assert [rows[0][column] for column, _ in TYPED.values()] == _expected(texts, decider_name)
    assert [cell for cell in header + rows[0] if spreadsheet_would_evaluate(cell)] == []


@EXAMPLES
@given(texts=TEXTS)
def test_registrations_xlsx_holds_no_formula(client, chair, open_meeting, sessions, texts):
    try:
        with transaction.atomic():
            content, decider_name = _export(client, chair, open_meeting, sessions, texts, "xlsx")
            raise _RolledBack
    except _RolledBack:
        pass

    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    row = [cell.value or "" for cell in sheet[2]]
    assert sheet.max_row == 2
    assert [row[column] for column, _ in TYPED.values()] == _expected(texts, decider_name)
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert [cell.value for cell in cells if spreadsheet_would_evaluate(cell.value)] == []
