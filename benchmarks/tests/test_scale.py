import pytest
from django.db import transaction

from benchmarks.scale import generate
from delegations.models import Delegation, Registration
from roundtables.models import Session, SessionDelegation, SessionPerson


@pytest.mark.django_db
def test_generate_builds_a_gfmd_sized_meeting():
    data = generate(seed=1, scale=1)
    meeting = data.meeting
    assert meeting.is_current
    assert Delegation.objects.count() == 200
    assert Registration.objects.filter(meeting=meeting).count() == 3000
    assert Session.objects.filter(meeting=meeting).count() == 40
    assert SessionDelegation.objects.filter(session__meeting=meeting, role="co_chair").count() == 80
    assert SessionPerson.objects.filter(session__meeting=meeting, role="rapporteur").count() == 40
    assert data.focal_point_delegation.focal_points.get() == data.focal_point


def _session_titles_for(seed: int) -> list[str]:
    """Generate, read the titles back, then roll the whole data set back."""
    with transaction.atomic():
        titles = [session.title for session in generate(seed=seed, scale=1).sessions]
        transaction.set_rollback(True)
    return titles


@pytest.mark.django_db
def test_generate_is_deterministic_for_a_seed():
    assert _session_titles_for(5) == _session_titles_for(5)
    assert _session_titles_for(5) != _session_titles_for(6)
