"""papers.selectors.translation_gaps: the papers that are or will be public and lack a translation."""

import pytest

from gfmd.translation_gaps import gap_counts, gap_row, with_gaps
from papers.models import Paper
from papers.selectors import translation_gaps
from papers.tests.factories import PaperFactory
from roundtables.tests.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_public_and_coming_papers_lacking_a_translation(meeting):
    session = SessionFactory(roundtable__meeting=meeting, code="1.1")
    draft = PaperFactory(session=session, title_en="Circular migration", abstract_en="How.", title_fr="Migration")
    PaperFactory(session=session, kind=Paper.Kind.ANNEX, state=Paper.State.WITHDRAWN)
    PaperFactory(session=session, kind=Paper.Kind.CASE_STUDY, state=Paper.State.REJECTED)
    PaperFactory(
        session=session,
        kind=Paper.Kind.GOVERNMENT_CONTRIBUTION,
        title_fr="Contribution",
        title_es="Contribución",
        abstract_en="",
    )
    PaperFactory(session=SessionFactory(roundtable__meeting=MeetingFactory(number=9)))  # another meeting
    [gaps] = translation_gaps(meeting)
    found = [gap_row(gaps, paper) for paper in with_gaps(gaps)]
    assert [(row.name, row.url, row.missing) for row in found] == [
        (
            "1.1 · Circular migration",
            f"/papers/{draft.pk}/",
            {"fr": ["Abstract"], "es": ["Title", "Abstract"]},
        )
    ]
    counts = gap_counts(gaps)
    assert (counts.total, counts.missing) == (2, {"fr": 1, "es": 1})


@pytest.mark.parametrize("items", [1, 3])
def test_the_papers_cost_the_same_queries_for_one_or_three(meeting, items, django_assert_num_queries):
    for number in range(items):
        PaperFactory(session=SessionFactory(roundtable__meeting=meeting, code=f"9.{number}"))
    [gaps] = translation_gaps(meeting)
    with django_assert_num_queries(2):
        counts = gap_counts(gaps)
        found = [gap_row(gaps, paper) for paper in with_gaps(gaps)]
    assert (counts.with_gaps, len(found)) == (items, items)
