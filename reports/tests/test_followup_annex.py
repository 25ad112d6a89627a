"""The report of the proceedings' annex "Recommendations and follow-up" (followup's part "tracker"; here, as
followup's tests may not import the reports app above it)."""

import io

import pytest
from django.utils import translation

from followup.models import Recommendation, SessionRecommendation
from followup.tests.factories import RecommendationFactory, theme
from followup.tests.factories_tracker import athens, mexico, published, session_of
from reports.documents.common import render_document
from reports.documents.outcomes import proceedings_context
from reports.registry import get_renderer
from reports.rendering import render_parts
from reports.tests.factories import publish_outcome
from reports.tests.pdf import full_text
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proceedings():
    earlier, current = athens(), mexico()
    profiles = published(
        publish_outcome(session_of(earlier, "3.1")),
        number=1,
        text_en="Governments should develop and update Migration Profiles.",
        text_fr="Les gouvernements devraient élaborer et mettre à jour des profils migratoires.",
        themes=[theme("migration-data")],
        status=Recommendation.Status.IN_PROGRESS,
    )
    session = session_of(current, "2.1", "Labour mobility")
    outcome = publish_outcome(session)
    labour = published(
        outcome,
        number=1,
        text_en="Partner countries should recognise skills across borders.",
        addressees=["governments", "civil_society"],
        themes=[theme("labour-mobility"), theme("regular-migration")],
    )
    draft = RecommendationFactory(outcome=outcome, number=2, text_en="An unpublished draft recommendation.")
    builder = session_of(current, "3.1", "Assessing the impact of migration")
    publish_outcome(builder)
    SessionRecommendation.objects.create(session=builder, recommendation=profiles)
    SessionRecommendation.objects.create(session=builder, recommendation=draft)  # never shown: unpublished
    return current, profiles, labour, draft


def _html(meeting, language="en") -> str:
    with translation.override(language):
        return render_document("reports/proceedings.html", proceedings_context(meeting))


def test_the_annex_lists_the_meetings_recommendations_counts_chart_and_what_it_built_on(proceedings):
    meeting, profiles, labour, draft = proceedings
    html = _html(meeting)
    annex = html[html.index('id="annex-recommendations"') :]
    assert "Recommendations and follow-up" in annex
    assert 'href="#annex-recommendations"' in html  # in the table of contents
    assert "Session 2.1: Labour mobility" in annex
    assert labour.identifier in annex and "Partner countries should recognise skills across borders." in annex
    assert "Governments, Civil society" in annex and "Proposed" in annex
    # The counts table: one recommendation, under two themes.
    assert "Labour mobility and skills" in annex and "Regular and protected migration" in annex
    assert annex.count("<svg") == 2 and "Recommendations by status" in annex
    # The earlier recommendation session 3.1 built on, with its status.
    assert "Earlier recommendations the sessions built on" in annex
    assert profiles.identifier in annex and "In progress" in annex
    assert draft.identifier not in html and "An unpublished draft recommendation." not in html


def test_the_annex_is_in_the_documents_language_with_the_original_marked(proceedings):
    meeting, _profiles, _labour, _draft = proceedings
    annex = _html(meeting, "fr")
    annex = annex[annex.index('id="annex-recommendations"') :]
    assert "Les gouvernements devraient élaborer" in annex  # translated
    assert '<span lang="en">Partner countries should recognise skills across borders.</span>' in annex  # original


def test_a_meeting_without_recommendations_has_no_annex(proceedings):
    earlier = MeetingFactory(number=9, title_en="Empty", status="held")
    session = session_of(earlier, "1.1")
    publish_outcome(session)
    html = _html(earlier)
    assert 'id="annex-recommendations"' not in html and "#annex-recommendations" not in html


def test_the_pdf_carries_the_annex(proceedings):
    meeting, profiles, labour, _draft = proceedings
    renderer = get_renderer("proceedings")
    params = renderer.clean_params({"meeting": meeting.pk, "language": "en"})
    target = io.BytesIO()
    with translation.override("en"):
        render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
    text = full_text(target.getvalue())
    assert "Recommendations and follow-up" in text
    assert labour.identifier in text and profiles.identifier in text
