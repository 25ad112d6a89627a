"""Each outcome service checks its own rule (outcomes.permissions), whoever calls it: a person the
rule does not name is refused (PermissionDenied), one it names but not in this state is told why
(ValidationError), and nothing is written either way."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.tests.factories import UserFactory
from outcomes.models import Outcome, OutcomeRevision, SectionComment
from outcomes.services import (
    comment_add,
    outcome_approve,
    outcome_publish,
    outcome_return,
    outcome_start,
    outcome_submit,
    revision_restore,
    section_merge,
    section_save,
)
from outcomes.tests.factories import section_of

pytestmark = pytest.mark.django_db


def _write(outcome, actor, html="<p>Text.</p>"):
    section = section_of(outcome)
    return section_save(section=section, actor=actor, html=html, base_revision_id=section.current_revision_id)


def _submitted(outcome, rapporteur):
    _write(outcome, rapporteur)
    return outcome_submit(outcome=outcome, actor=rapporteur)


def _counts():
    return (OutcomeRevision.objects.count(), SectionComment.objects.count())


def test_start_is_refused_to_a_co_chair(session, co_chairs):
    with pytest.raises(PermissionDenied):
        outcome_start(session=session, actor=co_chairs[0][0])
    assert not Outcome.objects.exists()


def test_start_is_refused_to_nobody(session):
    with pytest.raises(PermissionDenied):
        outcome_start(session=session, actor=None)


def test_section_save_is_refused_to_a_co_chair(outcome, co_chairs):
    with pytest.raises(PermissionDenied):
        _write(outcome, co_chairs[0][0])
    assert _counts() == (0, 0)


def test_section_merge_is_refused_to_a_co_chair(outcome, rapporteur, co_chairs):
    head = _write(outcome, rapporteur).revision
    with pytest.raises(PermissionDenied):
        section_merge(
            section=section_of(outcome),
            actor=co_chairs[0][0],
            html="<p>Merged.</p>",
            conflict_revision_id=head.pk,
            head_revision_id=head.pk,
        )
    assert _counts() == (1, 0)


def test_revision_restore_is_refused_to_a_co_chair_and_when_submitted(outcome, rapporteur, co_chairs):
    first = _write(outcome, rapporteur, "<p>One.</p>").revision
    _write(outcome, rapporteur, "<p>Two.</p>")
    with pytest.raises(PermissionDenied):
        revision_restore(revision=first, actor=co_chairs[0][0])
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(ValidationError, match="no longer being drafted"):
        revision_restore(revision=first, actor=rapporteur)
    assert _counts() == (2, 0)


def test_comment_is_refused_off_the_team_and_once_published(outcome, rapporteur, chair):
    with pytest.raises(PermissionDenied):
        comment_add(section=section_of(outcome), actor=UserFactory(), body="Hello.")
    _submitted(outcome, rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    with pytest.raises(ValidationError, match="comments are closed"):
        comment_add(section=section_of(outcome), actor=rapporteur, body="Too late.")
    assert _counts() == (1, 0)


def test_submit_is_refused_to_a_co_chair(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    with pytest.raises(PermissionDenied):
        outcome_submit(outcome=outcome, actor=co_chairs[0][0])
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.DRAFTING


def test_return_is_refused_to_the_rapporteur_and_while_drafting(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    with pytest.raises(ValidationError, match="Only a submitted or approved outcome"):
        outcome_return(outcome=outcome, actor=co_chairs[0][0], comment="Change it.")
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(PermissionDenied):
        outcome_return(outcome=outcome, actor=rapporteur, comment="I changed my mind.")
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.SUBMITTED


def test_approve_is_refused_to_the_rapporteur_whatever_the_state(outcome, rapporteur):
    # Not "only a submitted outcome can be approved": the rapporteur may never approve.
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=outcome, actor=rapporteur)


def test_publish_is_refused_to_a_co_chair(outcome, rapporteur, co_chairs, chair):
    _submitted(outcome, rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    with pytest.raises(PermissionDenied):
        outcome_publish(outcome=outcome, actor=co_chairs[0][0])
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.APPROVED


def test_the_buttons_follow_the_rules_the_services_check(outcome, rapporteur, co_chairs, chair):
    """For each state, what the rapporteur's and the Chair's office's rules allow is what the services accept."""
    co_chair = co_chairs[0][0]
    assert rapporteur.has_perm("outcomes.edit_outcome", outcome)
    assert not co_chair.has_perm("outcomes.edit_outcome", outcome)
    assert not co_chair.has_perm("outcomes.return_outcome", outcome)
    _submitted(outcome, rapporteur)
    outcome.refresh_from_db()
    assert not rapporteur.has_perm("outcomes.edit_outcome", outcome)
    assert not rapporteur.has_perm("outcomes.submit_outcome", outcome)
    assert co_chair.has_perm("outcomes.return_outcome", outcome)
    assert not chair.has_perm("outcomes.publish_outcome", outcome)
    outcome_approve(outcome=outcome, actor=chair)
    outcome.refresh_from_db()
    assert chair.has_perm("outcomes.publish_outcome", outcome)
    assert not co_chair.has_perm("outcomes.publish_outcome", outcome)
