"""The tracker's part of the demo: Mexico 2010's 3.1 and 3.3 build on Athens 2009's recommendations."""

import pytest

from accounts.tests.factories import ChairOfficeFactory
from followup.demo.tracker import load_tracker_demo
from followup.models import SessionRecommendation
from followup.tests.factories import RecommendationFactory
from followup.tests.factories_tracker import athens, mexico, outcome_of, published, session_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair_account():
    return ChairOfficeFactory(email="chair@example.org")


def test_links_mexicos_sessions_to_athens_recommendations_once(chair_account):
    earlier, current = athens(), mexico()
    profiles_outcome = outcome_of(session_of(earlier, "3.1"))
    profiles = published(profiles_outcome, number=1, text_en="Develop and update Migration Profiles.")
    published(profiles_outcome, number=2, text_en="Share Migration Profiles with the GFMD.")
    rcp = published(profiles_outcome, number=4, text_en="Regional consultative processes should include development.")
    RecommendationFactory(outcome=profiles_outcome, number=3, text_en="Migration Profiles (a draft).")
    session_31, session_33 = session_of(current, "3.1"), session_of(current, "3.3")
    assert load_tracker_demo() == 2
    assert set(SessionRecommendation.objects.values_list("session", "recommendation")) == {
        (session_31.pk, profiles.pk),
        (session_33.pk, rcp.pk),
    }
    assert load_tracker_demo() == 0  # safe to run twice
    assert SessionRecommendation.objects.count() == 2


def test_skips_quietly_without_the_recommendations(chair_account):
    athens()
    current = mexico()
    session_of(current, "3.1")
    session_of(current, "3.3")
    assert load_tracker_demo() == 0
    assert not SessionRecommendation.objects.exists()
