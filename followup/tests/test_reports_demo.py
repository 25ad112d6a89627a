"""The follow-up demo: Ghana's and Mexico's focal points report on Athens 2009's GFMD-2009-3.1-R1."""

import pytest

from followup.demo.reports import load_reports_demo
from followup.models import FollowUpReport, Recommendation
from followup.tests.factories_reports import athens, focal_point, mexico, recommendation_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_demo_files_the_reports_once():
    meetings = athens(), mexico()
    recommendation = recommendation_of(meetings[0], "3.1")
    focal_point("MX", meetings[1], email="focalpoint.mx@example.org")
    focal_point("GH", meetings[1], email="focalpoint.gh@example.org")
    assert len(load_reports_demo()) == 2
    assert load_reports_demo() == []  # safe to run twice
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS
    assert list(recommendation.status_changes.values_list("status", "report__delegation__country")) == [
        ("in_progress", "MX"),
        ("taken_up", "GH"),
    ]
    assert FollowUpReport.objects.get(delegation__country="MX").language == "es"


def test_demo_without_the_recommendation_does_nothing():
    mexico()
    assert load_reports_demo() == []
    assert not FollowUpReport.objects.exists()
