import pytest
from django.core.management import call_command

from delegations.models import DelegationQuota, Registration

pytestmark = pytest.mark.django_db


def test_demo_gives_each_decider_a_pending_registration_and_ghana_a_focal_point():
    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)  # safe to run again
    pending = Registration.objects.filter(status="pending").order_by("person__email")
    assert [(r.person.email, r.delegation.kind) for r in pending] == [
        ("adviser.mx@example.org", "state"),
        ("delegate.gh@example.org", "state"),
        ("iom@example.org", "observer"),
        ("mfa@example.org", "civil_society"),
    ]
    ghana_focal_points = Registration.objects.get(person__email="focalpoint.gh@example.org").delegation.focal_points
    assert list(ghana_focal_points.values_list("email", flat=True)) == ["focalpoint.gh@example.org"]
    head = Registration.objects.get(person__email="focalpoint.mx@example.org")
    assert (head.role, sorted(head.sessions.values_list("code", flat=True))) == ("head", ["1.1", "CP", "FF", "OP"])
    assert DelegationQuota.objects.get(delegation__country="MX").places == 10
