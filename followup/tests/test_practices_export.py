"""The repository's export: streamed, following the list's filters and search, every cell neutralised,
and the partials that other pages include (bounded, a fixed number of queries)."""

import csv
import io
import re

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from delegations.models import Delegation
from followup.models import PracticePartner
from followup.selectors.practices import PARTIAL_LIMIT
from followup.tests.factories import PracticeFactory, RecommendationFactory
from followup.tests.factories_practices import published_practice, state
from gfmd.tests.hostile import spreadsheet_would_evaluate
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
pytest_plugins = ["followup.tests.fixtures_practices"]


def _csv_rows(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_export_is_streamed_and_follows_the_filters(client):
    ghana = state("GH", Delegation.Region.AFRICA)
    african = published_practice(title_en="Diaspora bonds", organisation="Ministry of Finance")
    african.countries.set([ghana])
    PracticePartner.objects.create(practice=african, name="IOM", kind="international_organisation")
    published_practice(title_en="Diaspora savings")  # no African country
    PracticeFactory(title_en="Diaspora draft")  # not published

    response = client.get(reverse("followup:practice_export", args=["csv"]), {"q": "diaspora", "region": "africa"})

    assert response["Content-Disposition"].startswith('attachment; filename="gfmd-practices-')
    rows = _csv_rows(response)
    assert rows[0][:3] == ["Identifier", "Title", "Summary"]
    assert [row[1] for row in rows[1:]] == ["Diaspora bonds"]
    assert rows[1][7] == "State GH"
    assert rows[1][8] == "IOM (International organisation)"


def test_export_cells_are_neutralised(client):
    published_practice(
        title_en='=HYPERLINK("http://evil.example","click")',
        summary_en="+cmd|' /C calc'!A0",
        organisation="@SUM(1+1)",
        contact_name="-2+3",
    )

    rows = _csv_rows(client.get(reverse("followup:practice_export", args=["csv"])))
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","click")'
    assert not any(spreadsheet_would_evaluate(cell) for row in rows for cell in row)

    response = client.get(reverse("followup:practice_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    response.close()
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert not any(spreadsheet_would_evaluate(cell) for cell in cells)


def test_unknown_export_format_is_404(client):
    assert client.get(reverse("followup:practice_export", args=["pdf"])).status_code == 404


def test_export_costs_the_same_queries_for_one_or_three_practices(client):
    ghana = state("GH", Delegation.Region.AFRICA)
    url = reverse("followup:practice_export", args=["csv"])

    def add():
        practice = published_practice()
        practice.countries.set([ghana])
        PracticePartner.objects.create(practice=practice, name="IOM", kind="international_organisation")

    def cost():
        with CaptureQueriesContext(connection) as queries:
            _csv_rows(client.get(url))
        return len(queries)

    add()
    one = cost()
    add()
    add()
    assert cost() == one


# -- The partials of the session and recommendation pages -----------------------------------------------


def test_session_partial_lists_published_practices_capped_with_a_link_to_the_rest():
    session = SessionFactory()
    for n in range(PARTIAL_LIMIT + 2):
        published_practice(title_en=f"Practice {n}").sessions.add(session)
    PracticeFactory(title_en="Unpublished draft").sessions.add(session)

    html = render_to_string("followup/practices/_session_practices.html", {"session": session})

    assert len(re.findall(r'href="/practices/\d+/"', html)) == PARTIAL_LIMIT
    assert "Unpublished draft" not in html
    assert "See 2 more" in html
    assert f"/practices/?session={session.pk}" in html


def test_session_partial_is_empty_without_practices_and_costs_a_fixed_number_of_queries():
    session = SessionFactory()
    assert render_to_string("followup/practices/_session_practices.html", {"session": session}).strip() == ""

    def cost():
        with CaptureQueriesContext(connection) as queries:
            render_to_string("followup/practices/_session_practices.html", {"session": session})
        return len(queries)

    published_practice().sessions.add(session)
    one = cost()
    published_practice().sessions.add(session)
    published_practice().sessions.add(session)
    assert cost() == one


def test_recommendation_partial_lists_the_practices_answering_it():
    recommendation = RecommendationFactory()
    published_practice(title_en="Migration profile in Ghana").recommendations.add(recommendation)

    html = render_to_string("followup/practices/_recommendation_practices.html", {"recommendation": recommendation})

    assert "Migration profile in Ghana" in html
    assert "Practices that answer this recommendation" in html


def test_session_page_stamp_changes_when_a_practice_presented_in_it_is_published():
    from django.db.models import OuterRef

    from followup.selectors.practices import published_practices_stamp
    from roundtables.models import Session

    session = SessionFactory()

    def stamp():
        expression = published_practices_stamp(session.pk, OuterRef("meeting_id"))
        return Session.objects.filter(pk=session.pk).annotate(stamp=expression).values_list("stamp", flat=True).get()

    draft = PracticeFactory()
    draft.sessions.add(session)
    before = stamp()
    published_practice().sessions.add(session)
    assert stamp() != before
