"""Whatever a respondent (or the Chair's office) types, the survey results exports hold no cell
a spreadsheet would run.

Arbitrary Unicode goes into the question texts, the choices, the delegation's and the person's
names and every text answer; the files come back through the export views and are read as a
spreadsheet would read them: the CSV with the csv module, the XLSX with openpyxl."""

import csv
import io

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from accounts.tests.factories import UserFactory
from delegations.tests.factories import OrganisationFactory
from gfmd.spreadsheets import neutralise
from gfmd.tests.hostile import hostile_text, spreadsheet_would_evaluate
from surveys.models import Invitation, Question
from surveys.services import response_submit
from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory, choice_question

pytestmark = pytest.mark.django_db

# Each example writes its rows in a transaction rolled back at its end, so the function-scoped
# fixtures (the Chair's office, the meeting) are safely shared between examples.
EXAMPLES = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _nonempty(size):
    return hostile_text(max_size=size, nul=False).filter(bool)


TEXTS = st.fixed_dictionaries(
    {
        "question": _nonempty(200),
        "option_a": _nonempty(100),
        "option_b": _nonempty(100),
        "delegation": hostile_text(max_size=200, nul=False),
        "person": hostile_text(max_size=150, nul=False),
        "short": hostile_text(max_size=200, nul=False),
        "long": hostile_text(max_size=400, nul=False),
        "anonymous": st.booleans(),
    }
)


class _RolledBack(Exception):
    pass


def _export(client, chair, meeting, texts, view):
    """(survey, the exported file) for one response holding `texts`, fetched by the Chair's office."""
    survey = SurveyFactory(meeting=meeting, anonymous=texts["anonymous"])
    section = SectionFactory(survey=survey)
    single = choice_question(section, [texts["option_a"], texts["option_b"]], text_en=texts["question"])
    multiple = choice_question(
        section, [texts["option_b"], texts["option_a"]], kind=Question.Kind.MULTIPLE, text_en=texts["question"]
    )
    short = QuestionFactory(section=section, kind=Question.Kind.SHORT_TEXT, text_en=texts["question"])
    long = QuestionFactory(section=section, kind=Question.Kind.LONG_TEXT, text_en=texts["question"])
    invitation = Invitation.objects.create(
        survey=survey,
        delegation=OrganisationFactory(name=texts["delegation"]),
        person=UserFactory(first_name=texts["person"], last_name="", verified=False),
    )
    questions = [single, multiple, short, long]
    response_submit(
        invitation=invitation,
        questions=questions,
        values={
            single.pk: single.options.all()[0].pk,
            multiple.pk: [option.pk for option in multiple.options.all()],
            short.pk: texts["short"],
            long.pk: texts["long"],
        },
    )
    client.force_login(chair)
    response = client.get(reverse(f"surveys:{view}", args=[survey.pk]))
    assert response.status_code == 200
    assert response.streaming  # written as the rows are read (gfmd.streaming)
    content = b"".join(response.streaming_content)  # the test client closes the response at the end
    return invitation.person.display_name, content


def _expected_answers(texts):
    return [
        neutralise(texts["option_a"]),
        neutralise(f"{texts['option_b']}; {texts['option_a']}"),
        neutralise(texts["short"]),
        neutralise(texts["long"]),
    ]


def _expected_respondent(texts, person_name):
    return [neutralise(person_name), neutralise(texts["delegation"])]


@EXAMPLES
@given(texts=TEXTS)
def test_survey_results_csv_holds_no_formula(client, chair, meeting, texts):
    try:
        with transaction.atomic():
            person_name, content = _export(client, chair, meeting, texts, "export_csv")
            raise _RolledBack
    except _RolledBack:
        pass

    header, *rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    assert len(rows) == 1
    assert rows[0][-4:] == _expected_answers(texts)
    if not texts["anonymous"]:
        assert rows[0][:2] == _expected_respondent(texts, person_name)
    assert [cell for cell in header + rows[0] if spreadsheet_would_evaluate(cell)] == []


@EXAMPLES
@given(texts=TEXTS)
def test_survey_results_xlsx_holds_no_formula(client, chair, meeting, texts):
    try:
        with transaction.atomic():
            person_name, content = _export(client, chair, meeting, texts, "export_xlsx")
            raise _RolledBack
    except _RolledBack:
        pass

    workbook = load_workbook(io.BytesIO(content))
    answers = [cell.value or "" for cell in workbook["Answers"][2]]
    assert answers[-4:] == _expected_answers(texts)
    respondents = [row[0].value or "" for row in workbook["Response rate"].iter_rows()]
    assert respondents[-2:] == ["Responded", neutralise(person_name)]
    if not texts["anonymous"]:
        assert answers[:2] == _expected_respondent(texts, person_name)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert [cell.value for cell in cells if spreadsheet_would_evaluate(cell.value)] == []
