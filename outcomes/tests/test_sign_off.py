"""Co-chair sign-off belongs to a government: the representative named for it on the team, holding an
approved registration with it at the moment of signing. A sign-off whose signer withdrew or moved
no longer counts, and says why."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activity.models import ActivityLog
from delegations.services import registration_approve, registration_create, registration_withdraw
from delegations.tests.factories import make_focal_point
from outcomes.models import Outcome
from outcomes.selectors import sign_offs
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save
from outcomes.tests.factories import co_chair_representative, section_of
from roundtables.models import Meeting, SessionPerson
from roundtables.tests.factories import SessionPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(outcome, rapporteur, co_chairs):
    section = section_of(outcome, "summary")
    section_save(section=section, actor=rapporteur, html="<p>Partnerships.</p>", base_revision_id=None)
    return outcome_submit(outcome=outcome, actor=rapporteur)


@pytest.fixture
def open_meeting(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.OPEN)
    meeting.refresh_from_db()
    return meeting


def _status(outcome) -> dict[str, tuple[str | None, bool, str]]:
    """Each co-chair government: who signed (e-mail), whether it counts, why not."""
    return {
        s.delegation.name: (s.approval.approved_by.email if s.approval else None, s.counts, s.void_reason)
        for s in sign_offs(Outcome.objects.select_related("session").get(pk=outcome.pk))
    }


def test_withdrawn_representative_re_registered_pending_with_the_other_co_chair_cannot_sign_again(
    submitted, co_chairs, session, open_meeting
):
    (mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    assert _status(submitted) == {mexico.name: (None, False, ""), spain.name: (elena.email, True, "")}

    registration = elena.registrations.get()
    registration_withdraw(registration=registration, actor=elena)
    registration_create(person=elena, meeting=open_meeting, delegation=mexico, role="delegate", sessions=[])
    assert elena.registrations.get().status == "pending"

    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=elena)

    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.SUBMITTED
    assert _status(submitted) == {
        mexico.name: (None, False, ""),
        spain.name: (elena.email, False, f"now registered with {mexico.name}"),
    }
    # Mexico signing off no longer completes the approval: Spain's sign-off does not count.
    outcome_approve(outcome=submitted, actor=mexico_fp)
    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.SUBMITTED
    assert dict(submitted.approvals.values_list("delegation__name", "approved_by__email")) == {
        mexico.name: mexico_fp.email,
        spain.name: elena.email,
    }


def test_withdrawn_sign_off_no_longer_counts_and_says_why(submitted, co_chairs, session):
    (_mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    assert _status(submitted) == {
        mexico.name: (None, False, ""),
        spain.name: (elena.email, False, "registration withdrawn"),
    }


def test_registering_again_after_signing_off_voids_the_sign_off(submitted, co_chairs, session, open_meeting, chair):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    registration = registration_create(
        person=elena, meeting=open_meeting, delegation=spain, role="delegate", sessions=[]
    )
    assert _status(submitted)[spain.name] == (elena.email, False, "registration awaiting approval again")
    registration_approve(registration=registration, actor=chair)
    assert _status(submitted)[spain.name] == (elena.email, False, "registered again after signing off")
    # Approved again, she may sign anew; her new sign-off takes the place of the void one.
    outcome_approve(outcome=submitted, actor=elena)
    assert _status(submitted)[spain.name] == (elena.email, True, "")
    assert submitted.approvals.count() == 1


def test_another_representative_replaces_a_void_sign_off_and_the_outcome_is_approved(submitted, co_chairs, session):
    (mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    carlos = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=carlos)
    outcome_approve(outcome=submitted, actor=mexico_fp)
    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.APPROVED
    assert dict(submitted.approvals.values_list("delegation", "approved_by")) == {
        mexico.pk: mexico_fp.pk,
        spain.pk: carlos.pk,
    }
    replaced = ActivityLog.objects.filter(action="outcomes.outcome.signed_off").order_by("pk")[1]
    assert replaced.data["government"] == spain.name
    assert replaced.data["replaces"]["person"] == elena.display_name


def test_a_second_representative_of_a_government_that_signed_is_refused(submitted, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    carlos = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    assert not carlos.has_perm("outcomes.sign_off_outcome", submitted)
    with pytest.raises(ValidationError) as error:
        outcome_approve(outcome=submitted, actor=carlos)
    assert error.value.messages == [f"{spain.name} has already signed off this outcome."]
    assert list(submitted.approvals.values_list("approved_by", flat=True)) == [elena.pk]


def test_a_person_on_the_team_for_two_governments_signs_once_for_the_one_registered_with(submitted, co_chairs, session):
    (_mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    # Spain's representative on the team, and also a focal point of Mexico: registered with Spain.
    elena = co_chair_representative(session, spain)
    make_focal_point(elena, mexico)
    outcome_approve(outcome=submitted, actor=elena)
    with pytest.raises(ValidationError):
        outcome_approve(outcome=submitted, actor=elena)
    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.SUBMITTED
    assert list(submitted.approvals.values_list("delegation", "approved_by")) == [(spain.pk, elena.pk)]


def test_a_representative_with_a_pending_registration_is_refused(submitted, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain, status="pending")
    assert not elena.has_perm("outcomes.sign_off_outcome", submitted)
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=elena)
    assert submitted.approvals.count() == 0


def test_a_representative_registered_with_the_other_co_chair_is_refused(submitted, co_chairs, session):
    (_mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain, registered_with=mexico)
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=elena)
    assert submitted.approvals.count() == 0


def test_a_representative_without_a_chosen_government_is_refused(submitted, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    SessionPerson.objects.filter(person=elena).update(delegation=None)
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=elena)


def test_a_registered_delegate_who_is_not_on_the_team_is_refused(submitted, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    SessionPerson.objects.filter(person=elena).delete()
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=elena)


def test_rapporteur_registered_with_a_co_chair_cannot_sign(submitted, co_chairs, session, rapporteur):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    from delegations.tests.factories import RegistrationFactory

    RegistrationFactory(meeting=session.meeting, person=rapporteur, delegation=spain, status="approved")
    with pytest.raises(PermissionDenied):
        outcome_approve(outcome=submitted, actor=rapporteur)


def test_representative_removed_from_the_team_after_signing_no_longer_counts(submitted, co_chairs, session):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    SessionPerson.objects.filter(person=elena).delete()
    SessionPersonFactory(session=session, person=elena, role=SessionPerson.Role.SPEAKER)
    assert _status(submitted)[spain.name] == (elena.email, False, f"no longer speaks for {spain.name} on this session")


def _approved_by_both(submitted, co_chairs, session):
    (mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=elena)
    outcome_approve(outcome=submitted, actor=mexico_fp)
    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.APPROVED
    return elena


def test_an_approval_whose_sign_off_lapsed_cannot_be_published(submitted, co_chairs, session, chair):
    elena = _approved_by_both(submitted, co_chairs, session)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)

    with pytest.raises(ValidationError) as error:
        outcome_publish(outcome=submitted, actor=chair)
    assert error.value.messages == [
        "A co-chair government's sign-off no longer counts (its signer withdrew or moved): that government "
        "signs off again, or the Chair's office approves in its place, before publication."
    ]
    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.APPROVED
    assert submitted.published_at is None


def test_a_lapsed_sign_off_can_be_given_again_by_another_representative_then_published(
    submitted, co_chairs, session, chair
):
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = _approved_by_both(submitted, co_chairs, session)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    carlos = co_chair_representative(session, spain)
    assert carlos.has_perm("outcomes.sign_off_outcome", submitted)

    outcome_approve(outcome=submitted, actor=carlos)
    outcome_publish(outcome=submitted, actor=chair)

    submitted.refresh_from_db()
    assert submitted.state == Outcome.State.PUBLISHED
    assert _status(submitted)[spain.name] == (carlos.email, True, "")


def test_the_chair_office_may_approve_in_place_of_a_lapsed_sign_off_then_publish(submitted, co_chairs, session, chair):
    elena = _approved_by_both(submitted, co_chairs, session)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    assert chair.has_perm("outcomes.approve_in_place", submitted)

    outcome_approve(outcome=submitted, actor=chair)
    outcome_publish(outcome=submitted, actor=chair)

    submitted.refresh_from_db()
    assert (submitted.state, submitted.approved_by_chair_office) == (Outcome.State.PUBLISHED, chair)


def test_a_valid_approval_gives_no_new_sign_off_button(submitted, co_chairs, session):
    _approved_by_both(submitted, co_chairs, session)
    (mexico_fp, _mexico), _spain = co_chairs
    assert not mexico_fp.has_perm("outcomes.sign_off_outcome", submitted)
