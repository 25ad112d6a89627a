import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activity.models import ActivityLog
from mailings.models import OutgoingMail
from outcomes.models import Outcome, OutcomeRevision
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
from outcomes.tests.factories import co_chair_representative, section_of

pytestmark = pytest.mark.django_db


def _write(outcome, actor, html="<p>The session discussed remittances.</p>", kind="summary"):
    section = section_of(outcome, kind)
    return section_save(section=section, actor=actor, html=html, base_revision_id=section.current_revision_id)


def test_outcome_start_creates_five_sections_once(session, rapporteur):
    first = outcome_start(session=session, actor=rapporteur)
    again = outcome_start(session=session, actor=rapporteur)
    assert first == again
    assert first.sections.count() == 15  # five in each working language
    assert list(first.original_sections.values_list("kind", flat=True)) == [
        "summary",
        "conclusions",
        "recommendations",
        "good_practices",
        "follow_up",
    ]
    assert ActivityLog.objects.filter(action="outcomes.outcome.started").count() == 1


def test_section_save_on_current_version_becomes_current(outcome, rapporteur):
    result = _write(outcome, rapporteur, "<p>First</p>")
    second = _write(outcome, rapporteur, "<p>Second</p>")
    section = section_of(outcome)
    assert (result.applied, second.applied) == (True, True)
    assert section.current_revision == second.revision
    assert (second.revision.number, second.revision.base, second.revision.html) == (2, result.revision, "<p>Second</p>")


def test_section_save_sanitises_html(outcome, rapporteur):
    result = _write(outcome, rapporteur, '<p onclick="steal()">Hi<script>alert(1)</script></p>')
    assert result.revision.html == "<p>Hi</p>"


def test_section_save_of_unchanged_text_adds_no_version(outcome, rapporteur):
    first = _write(outcome, rapporteur, "<p>Same</p>")
    again = _write(outcome, rapporteur, "<p>Same</p>")
    assert again.revision == first.revision
    assert OutcomeRevision.objects.count() == 1


def test_section_save_repeated_token_is_stored_once(outcome, rapporteur):
    section = section_of(outcome)
    first = section_save(section=section, actor=rapporteur, html="<p>A</p>", base_revision_id=None, client_token="t.1")
    retry = section_save(section=section, actor=rapporteur, html="<p>A</p>", base_revision_id=None, client_token="t.1")
    assert (retry.revision, retry.applied) == (first.revision, True)
    assert OutcomeRevision.objects.count() == 1


def test_two_saves_from_the_same_base_keep_both_texts(outcome, rapporteur, chair):
    base = _write(outcome, rapporteur, "<p>Common start.</p>").revision
    section = section_of(outcome)
    mine = section_save(section=section, actor=rapporteur, html="<p>Rapporteur's text.</p>", base_revision_id=base.pk)
    theirs = section_save(section=section, actor=chair, html="<p>Chair's text.</p>", base_revision_id=base.pk)
    section.refresh_from_db()
    assert (mine.applied, theirs.applied) == (True, False)
    assert section.current_revision.html == "<p>Rapporteur's text.</p>"
    assert theirs.revision.origin == OutcomeRevision.Origin.CONFLICT
    assert theirs.head == mine.revision
    assert sorted(section.revisions.values_list("html", flat=True)) == [
        "<p>Chair's text.</p>",
        "<p>Common start.</p>",
        "<p>Rapporteur's text.</p>",
    ]


def test_merge_after_conflict_becomes_current(outcome, rapporteur, chair):
    base = _write(outcome, rapporteur, "<p>Start.</p>").revision
    section = section_of(outcome)
    mine = section_save(section=section, actor=rapporteur, html="<p>A.</p>", base_revision_id=base.pk)
    theirs = section_save(section=section, actor=chair, html="<p>B.</p>", base_revision_id=base.pk)
    merged = section_merge(
        section=section,
        actor=chair,
        html="<p>A.</p><p>B.</p>",
        conflict_revision_id=theirs.revision.pk,
        head_revision_id=mine.revision.pk,
    )
    section.refresh_from_db()
    assert (merged.applied, merged.revision.origin) == (True, OutcomeRevision.Origin.MERGED)
    assert section.current_revision.html == "<p>A.</p><p>B.</p>"


def test_save_after_own_lost_answer_is_not_a_conflict(outcome, rapporteur):
    """The browser's save arrived but its answer was lost; its next save still names the older base."""
    section = section_of(outcome)
    first = section_save(
        section=section, actor=rapporteur, html="<p>A</p>", base_revision_id=None, client_token="ed1.1"
    )
    section_save(
        section=section, actor=rapporteur, html="<p>AB</p>", base_revision_id=first.revision.pk, client_token="ed1.2"
    )
    third = section_save(
        section=section, actor=rapporteur, html="<p>ABC</p>", base_revision_id=first.revision.pk, client_token="ed1.3"
    )
    other = section_save(
        section=section, actor=rapporteur, html="<p>X</p>", base_revision_id=first.revision.pk, client_token="ed2.1"
    )
    assert (third.applied, other.applied) == (True, False)


def test_revision_restore_adds_a_new_version(outcome, rapporteur):
    first = _write(outcome, rapporteur, "<p>Original</p>").revision
    _write(outcome, rapporteur, "<p>Changed</p>")
    restored = revision_restore(revision=first, actor=rapporteur)
    section = section_of(outcome)
    assert (restored.number, restored.html, restored.restored_from) == (3, "<p>Original</p>", first)
    assert section.current_revision == restored
    assert section.revisions.count() == 3


def test_saving_a_submitted_outcome_is_refused(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(ValidationError):
        _write(outcome, rapporteur, "<p>Late change</p>")


def test_submit_needs_some_text(outcome, rapporteur):
    with pytest.raises(ValidationError):
        outcome_submit(outcome=outcome, actor=rapporteur)


def test_submit_mails_the_co_chairs_and_logs(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.SUBMITTED
    assert sorted(m.to for m in OutgoingMail.objects.all()) == sorted(person.email for person, _d in co_chairs)
    assert set(OutgoingMail.objects.values_list("subject", flat=True)) == {
        "Session 1.1 outcome: submitted for your sign-off"
    }
    assert ActivityLog.objects.filter(action="outcomes.outcome.submitted").count() == 1


def test_approval_needs_every_co_chair_government(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    (mexico_fp, mexico), (spain_fp, _spain) = co_chairs
    outcome_approve(outcome=outcome, actor=mexico_fp)
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.SUBMITTED
    assert list(outcome.approvals.values_list("delegation", "approved_by")) == [(mexico.pk, mexico_fp.pk)]
    outcome_approve(outcome=outcome, actor=spain_fp)
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.APPROVED
    assert outcome.approved_by_chair_office is None
    assert ActivityLog.objects.filter(action="outcomes.outcome.signed_off").count() == 2
    assert ActivityLog.objects.filter(action="outcomes.outcome.approved").count() == 1
    assert OutgoingMail.objects.filter(to=rapporteur.email, subject="Session 1.1 outcome: approved").count() == 1


def test_a_co_chair_representative_signs_for_the_government_registered_with(outcome, rapporteur, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    representative = co_chair_representative(session, spain)
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=representative)
    assert list(outcome.approvals.values_list("delegation", flat=True)) == [spain.pk]


def test_chair_office_approves_in_place_of_co_chairs(outcome, rapporteur, co_chairs, chair):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome.refresh_from_db()
    assert (outcome.state, outcome.approved_by_chair_office) == (Outcome.State.APPROVED, chair)


def test_approve_by_someone_off_the_team_is_refused(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=outcome, actor=rapporteur)


def test_return_to_drafting_clears_approvals_and_mails_the_rapporteur(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    (mexico_fp, _mexico), (spain_fp, _spain) = co_chairs
    outcome_approve(outcome=outcome, actor=mexico_fp)
    outcome_return(outcome=outcome, actor=spain_fp, comment="Please cite the Philippines' pre-departure programme.")
    outcome.refresh_from_db()
    assert (outcome.state, outcome.returned_by, outcome.approvals.count()) == (Outcome.State.RETURNED, spain_fp, 0)
    mail = OutgoingMail.objects.get(to=rapporteur.email)
    assert "Please cite the Philippines' pre-departure programme." in mail.body_text
    _write(outcome, rapporteur, "<p>Now with the Philippines.</p>")  # editable again


def test_return_needs_a_comment(outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(ValidationError):
        outcome_return(outcome=outcome, actor=co_chairs[0][0], comment="  ")


def test_publish_only_an_approved_outcome(outcome, rapporteur, chair):
    _write(outcome, rapporteur)
    with pytest.raises(ValidationError):
        outcome_publish(outcome=outcome, actor=chair)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    outcome.refresh_from_db()
    assert (outcome.state, outcome.published_by) == (Outcome.State.PUBLISHED, chair)
    assert ActivityLog.objects.filter(action="outcomes.outcome.published").count() == 1


def test_comment_mails_the_rapporteur(outcome, rapporteur, co_chairs):
    section = section_of(outcome, "recommendations")
    comment = comment_add(section=section, actor=co_chairs[0][0], body="Add a recommendation on recruitment costs.")
    assert list(section.comments.all()) == [comment]
    assert OutgoingMail.objects.get().to == rapporteur.email
