"""Outcomes follow their meeting's Chair's office: its staff start and write them, the troika's read the
drafts (and never write nor comment), others get nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from outcomes import services
from outcomes.models import Outcome
from outcomes.tests.factories import OutcomeFactory
from roundtables.tests.factories import RoundtableFactory, SessionFactory
from roundtables.tests.troika import troika

pytestmark = pytest.mark.django_db


def test_another_meetings_office_cannot_start_or_write_an_outcome():
    t = troika()
    session = SessionFactory(roundtable=RoundtableFactory(meeting=t.geneva))
    with pytest.raises(PermissionDenied):
        services.outcome_start(session=session, actor=t.mexican)
    assert not Outcome.objects.filter(session=session).exists()
    outcome = services.outcome_start(session=session, actor=t.swiss)
    for perm in ("outcomes.edit_outcome", "outcomes.submit_outcome", "outcomes.comment_outcome"):
        assert not t.mexican.has_perm(perm, outcome), perm
        assert t.swiss.has_perm(perm, outcome), perm


def test_the_troika_reads_the_draft_and_the_meeting_two_before_does_not():
    t = troika()
    outcome = OutcomeFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=t.geneva)))
    assert t.mexican.has_perm("outcomes.view_draft", outcome)
    assert not t.greek.has_perm("outcomes.view_draft", outcome)
    assert not t.greek.has_perm("outcomes.view_outcome", outcome)


def test_the_draft_page_answers_404_to_the_meeting_two_before(client):
    from django.urls import reverse

    t = troika()
    session = SessionFactory(roundtable=RoundtableFactory(meeting=t.geneva))
    OutcomeFactory(session=session)
    client.force_login(t.greek)
    assert client.get(reverse("outcomes:workspace", kwargs={"session_pk": session.pk})).status_code in (403, 404)
