"""Who an outcome's mails go to: the session's team as roundtables.selectors.team_people reads it
(papers' mails read the same)."""

import pytest

from delegations.models import FocalPoint
from mailings.models import OutgoingMail
from outcomes.services import outcome_submit, section_save
from outcomes.tests.factories import co_chair_representative, section_of
from roundtables.models import SessionPerson
from roundtables.tests.factories import SessionPersonFactory

pytestmark = pytest.mark.django_db


def test_a_closed_account_gets_no_outcome_mail(outcome, rapporteur, co_chairs):
    """Before, outcomes mailed a co-chair's representative whose account was closed; papers did not."""
    (_mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    closed = co_chair_representative(outcome.session, spain)
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    section = section_of(outcome)
    section_save(section=section, actor=rapporteur, html="<p>Text.</p>", base_revision_id=section.current_revision_id)
    outcome_submit(outcome=outcome, actor=rapporteur)
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == sorted(p.email for p, _d in co_chairs)


def test_the_co_chairs_to_ask_are_every_person_who_speaks_for_a_co_chair_government(outcome, co_chairs):
    from outcomes.selectors import co_chair_representatives

    (mexico_fp, mexico), (spain_fp, _spain) = co_chairs
    mexico_representative = co_chair_representative(outcome.session, mexico)
    # Named before the Chair's office said for which government.
    pending = SessionPersonFactory(session=outcome.session, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE).person
    assert set(co_chair_representatives(outcome.session)) == {mexico_fp, spain_fp, mexico_representative, pending}


def test_signing_reads_the_team_afresh_not_the_requests_memory(outcome, co_chairs):
    """team_roles is remembered for the request; the sign-off, checked under the registration's lock,
    is not: a focal point removed meanwhile signs for nobody."""
    from delegations.selectors import signing_delegation
    from roundtables.selectors import team_roles

    (mexico_fp, mexico), _spain = co_chairs
    assert team_roles(mexico_fp, outcome.session).co_chair_delegations == {mexico.pk}
    assert signing_delegation(mexico_fp, outcome.session) == mexico
    FocalPoint.objects.filter(user=mexico_fp, delegation=mexico).delete()
    assert signing_delegation(mexico_fp, outcome.session) is None
