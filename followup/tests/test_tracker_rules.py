"""Linking a session to the recommendations it builds on: who may, when, and to which recommendations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory, grant_chair_staff
from activity.models import ActivityLog
from followup.models import SessionRecommendation
from followup.services.tracker import session_recommendation_link, session_recommendation_unlink
from followup.tests.factories import RecommendationFactory
from followup.tests.factories_tracker import athens, mexico, outcome_of, published, session_of
from roundtables.editions import MeetingClosed
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    earlier, current = athens(), mexico()
    recommendation = published(outcome_of(session_of(earlier, "3.1")), number=1)
    return earlier, current, session_of(current, "3.1"), recommendation


def test_the_chair_office_links_a_session_to_an_earlier_published_recommendation(chair, setting):
    _athens, _mexico, session, recommendation = setting
    link = session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    assert link.session == session and link.recommendation == recommendation and link.linked_by == chair
    entry = ActivityLog.objects.get(action="followup.session.recommendation_linked")
    assert entry.meeting == session.meeting and entry.data["recommendation"] == "GFMD-2009-3.1-R1"


def test_linking_twice_gives_one_link_quietly(chair, setting):
    _athens, _mexico, session, recommendation = setting
    first = session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    second = session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    assert first.pk == second.pk
    assert SessionRecommendation.objects.count() == 1
    assert ActivityLog.objects.filter(action="followup.session.recommendation_linked").count() == 1


def test_support_may_link(support, setting):
    _athens, _mexico, session, recommendation = setting
    session_recommendation_link(session=session, recommendation=recommendation, actor=support)
    assert SessionRecommendation.objects.count() == 1


@pytest.mark.parametrize("who", ["anonymous", "participant", "staff_of_athens_only"])
def test_anyone_but_the_sessions_chair_office_is_refused(setting, who):
    from django.contrib.auth.models import AnonymousUser

    earlier, _mexico, session, recommendation = setting
    if who == "anonymous":
        actor = AnonymousUser()
    else:
        actor = UserFactory()
        if who == "staff_of_athens_only":
            grant_chair_staff(actor, [earlier])
    with pytest.raises(PermissionDenied):
        session_recommendation_link(session=session, recommendation=recommendation, actor=actor)
    assert not SessionRecommendation.objects.exists()


def test_an_unpublished_recommendation_is_refused_with_a_clear_message(chair, setting):
    earlier, _mexico, session, _recommendation = setting
    draft = RecommendationFactory(outcome=outcome_of(session_of(earlier, "3.2")), number=2)
    with pytest.raises(ValidationError) as error:
        session_recommendation_link(session=session, recommendation=draft, actor=chair)
    message = error.value.message_dict["recommendation"][0]
    assert "GFMD-2009-3.2-R2 is not published" in message
    assert not SessionRecommendation.objects.exists()


def test_a_recommendation_of_the_same_or_a_later_meeting_is_refused(chair, setting):
    _athens, current, session, _recommendation = setting
    same = published(outcome_of(session_of(current, "1.1")))
    later_meeting = MeetingFactory(number=5, title_en="Switzerland 2011")
    later = published(outcome_of(session_of(later_meeting, "1.1")))
    for recommendation in (same, later):
        with pytest.raises(ValidationError) as error:
            session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
        assert "only build on the recommendations of earlier meetings" in error.value.messages[0]
    assert not SessionRecommendation.objects.exists()


def test_a_closed_meeting_is_read_only(chair, setting):
    _athens, current, session, recommendation = setting
    session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    type(current).objects.filter(pk=current.pk).update(closed_at=timezone.now())
    other = published(outcome_of(session_of(_athens, "3.2")))
    with pytest.raises(MeetingClosed):
        session_recommendation_link(session=session, recommendation=other, actor=chair)
    with pytest.raises(MeetingClosed):
        session_recommendation_unlink(session=session, recommendation=recommendation, actor=chair)
    assert SessionRecommendation.objects.count() == 1


def test_unlinking_removes_the_link_and_logs_it(chair, setting):
    _athens, _mexico, session, recommendation = setting
    session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    assert session_recommendation_unlink(session=session, recommendation=recommendation, actor=chair) is True
    assert not SessionRecommendation.objects.exists()
    assert ActivityLog.objects.filter(action="followup.session.recommendation_unlinked").count() == 1
    # Already gone (a second person's page was out of date): nothing to do, nothing logged.
    assert session_recommendation_unlink(session=session, recommendation=recommendation, actor=chair) is False
    assert ActivityLog.objects.filter(action="followup.session.recommendation_unlinked").count() == 1


def test_unlinking_is_refused_to_the_wrong_person(chair, setting):
    earlier, _mexico, session, recommendation = setting
    session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
    other = UserFactory()
    grant_chair_staff(other, [earlier])
    with pytest.raises(PermissionDenied):
        session_recommendation_unlink(session=session, recommendation=recommendation, actor=other)
    assert SessionRecommendation.objects.count() == 1


def test_the_activity_labels_name_the_actions():
    from followup.activity_labels.tracker import ACTIONS

    assert set(ACTIONS) == {"followup.session.recommendation_linked", "followup.session.recommendation_unlinked"}
