"""A registration belongs to a meeting: its Chair's office decides on it, the troika's reads it, others get
nothing. (Delegations themselves persist across meetings: their rules are not changed here.)"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from delegations.models import Registration
from delegations.services import registration_approve
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from roundtables.tests.troika import troika

pytestmark = pytest.mark.django_db


def test_another_meetings_office_cannot_decide_on_a_registration():
    t = troika()
    registration = RegistrationFactory(
        meeting=t.geneva, delegation=OrganisationFactory(), status=Registration.Status.PENDING
    )
    assert not t.mexican.has_perm("delegations.approve_registration", registration)
    with pytest.raises((PermissionDenied, ValidationError)):
        registration_approve(registration=registration, actor=t.mexican)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING
    assert t.swiss.has_perm("delegations.approve_registration", registration)


def test_the_troika_reads_a_registration_and_the_meeting_two_before_does_not():
    t = troika()
    registration = RegistrationFactory(meeting=t.geneva)
    assert t.mexican.has_perm("delegations.view_registration", registration)
    assert not t.greek.has_perm("delegations.view_registration", registration)
