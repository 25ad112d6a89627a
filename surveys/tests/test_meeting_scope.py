"""Surveys follow their meeting's Chair's office: its staff build and send them, the troika's read the
results, others get nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from roundtables.tests.troika import troika
from surveys import services
from surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


def _create(meeting, actor):
    return services.survey_create(
        meeting=meeting,
        title={"en": "Consultation"},
        introduction={"en": ""},
        opens_at=dt.datetime(2011, 9, 1, tzinfo=dt.UTC),
        closes_at=dt.datetime(2011, 10, 1, tzinfo=dt.UTC),
        anonymous=False,
        actor=actor,
    )


def test_another_meetings_office_cannot_add_or_change_a_survey():
    t = troika()
    with pytest.raises(PermissionDenied):
        _create(t.geneva, t.mexican)
    survey = _create(t.geneva, t.swiss)
    assert not t.mexican.has_perm("surveys.manage_survey", survey)
    assert not t.mexican.has_perm("surveys.change_questions", survey)


def test_the_troika_reads_the_results_and_the_meeting_two_before_does_not():
    t = troika()
    survey = SurveyFactory(meeting=t.geneva)
    assert t.mexican.has_perm("surveys.view_results", survey)
    assert not t.greek.has_perm("surveys.view_results", survey)
