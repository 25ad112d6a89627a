"""surveys.selectors.translation_gaps: a meeting's surveys, sections, questions and options lacking a translation."""

import pytest

from gfmd.translation_gaps import gap_counts, gap_row, with_gaps
from roundtables.tests.factories import MeetingFactory
from surveys.selectors import translation_gaps
from surveys.tests.factories import OptionFactory, QuestionFactory, SectionFactory, SurveyFactory

pytestmark = pytest.mark.django_db


def found(meeting) -> dict[str, list[tuple]]:
    return {
        gaps.key: [(row.name, row.url, row.missing) for row in (gap_row(gaps, item) for item in with_gaps(gaps))]
        for gaps in translation_gaps(meeting)
    }


def test_every_survey_text_lacking_french_or_spanish(meeting):
    survey = SurveyFactory(meeting=meeting, title_en="Consultation", title_fr="Consultation", title_es="Consulta")
    section = SectionFactory(survey=survey, title_en="Partnerships", title_fr="Partenariats", title_es="Alianzas")
    question = QuestionFactory(section=section, text_en="Which?", text_fr="Lesquels ?", help_text_en="One or more")
    option = OptionFactory(question=question, label_en="Labour", label_es="Trabajo")
    SurveyFactory(meeting=MeetingFactory(number=9))  # another meeting's
    question_url = f"/surveys/{survey.pk}/questions/{question.pk}/edit/"
    assert found(meeting) == {
        "surveys-surveys": [],
        "surveys-sections": [],
        "surveys-questions": [
            ("Consultation · Which?", question_url, {"fr": ["Help text"], "es": ["Question", "Help text"]})
        ],
        "surveys-options": [("Which? · Labour", question_url, {"fr": ["Label"], "es": []})],
    }
    assert option.pk


@pytest.mark.parametrize("items", [1, 3])
def test_the_survey_lists_cost_the_same_queries_for_one_or_three(meeting, items, django_assert_num_queries):
    for _ in range(items):
        OptionFactory(question__section__survey__meeting=meeting)
    gap_lists = translation_gaps(meeting)
    with django_assert_num_queries(2 * len(gap_lists)):
        counts = [gap_counts(gaps) for gaps in gap_lists]
        rows = [[gap_row(gaps, item) for item in with_gaps(gaps)] for gaps in gap_lists]
    assert [c.total for c in counts] == [items] * 4
    assert [len(r) for r in rows] == [items] * 4
