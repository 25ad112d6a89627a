"""delegations.hooks: what higher apps register runs in the decision's transaction, on withdrawal and
rejection only, and its error undoes the decision."""

import pytest

from delegations.hooks import _ON_REGISTRATION_END, register_on_registration_end
from delegations.models import Registration
from delegations.services import registration_approve, registration_reject, registration_withdraw
from delegations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(monkeypatch):
    seen = []
    monkeypatch.setattr("delegations.hooks._ON_REGISTRATION_END", list(_ON_REGISTRATION_END))
    register_on_registration_end(lambda registration, actor: seen.append((registration.pk, registration.status)))
    return seen


def test_withdrawal_and_rejection_call_the_hooks(meeting, chair, calls):
    withdrawn = RegistrationFactory(meeting=meeting, status="approved")
    rejected = RegistrationFactory(meeting=meeting, status="pending")
    registration_withdraw(registration=withdrawn, actor=withdrawn.person)
    registration_approve(registration=rejected, actor=chair)
    registration_reject(registration=rejected, actor=chair, reason="Duplicate")
    assert calls == [(withdrawn.pk, "withdrawn"), (rejected.pk, "rejected")]


def test_an_error_in_a_hook_undoes_the_withdrawal(meeting, monkeypatch):
    monkeypatch.setattr("delegations.hooks._ON_REGISTRATION_END", [])

    def fail(registration, actor):
        raise RuntimeError("no")

    register_on_registration_end(fail)
    registration = RegistrationFactory(meeting=meeting, status="approved")
    with pytest.raises(RuntimeError):
        registration_withdraw(registration=registration, actor=registration.person)
    assert Registration.objects.get(pk=registration.pk).status == "approved"
