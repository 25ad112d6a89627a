"""The services check their own rules (roundtables.permissions), whoever calls them: the meeting's
structure, teams and programme belong to the Chair's office, a session's description to its
co-chairs too."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from roundtables import services
from roundtables.models import ProgrammeRelease, Session

pytestmark = pytest.mark.django_db


def test_session_create_by_someone_outside_the_chairs_office_is_refused(meeting):
    with pytest.raises(PermissionDenied):
        services.session_create(meeting=meeting, actor=UserFactory(), fields={"code": "9.9", "title_en": "Mine"})
    assert (Session.objects.filter(code="9.9").exists(), ActivityLog.objects.count()) == (False, 0)


def test_programme_publish_by_someone_outside_the_chairs_office_is_refused(meeting):
    with pytest.raises(PermissionDenied):
        services.programme_publish(meeting=meeting, actor=UserFactory())
    assert ProgrammeRelease.objects.count() == 0


def test_session_description_update_by_someone_not_on_its_team_is_refused(session_3_1):
    before = session_3_1.description_en
    with pytest.raises(PermissionDenied):
        services.session_description_update(
            session=session_3_1, actor=UserFactory(), fields={"description_en": "Rewritten by a stranger"}
        )
    session_3_1.refresh_from_db()
    assert (session_3_1.description_en, ActivityLog.objects.count()) == (before, 0)
