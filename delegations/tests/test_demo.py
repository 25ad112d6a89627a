import pytest
from django.core.management import call_command

from delegations.models import DelegationQuota, FocalPoint, Registration

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
    ghana = Registration.objects.get(person__email="focalpoint.gh@example.org")
    ghana_focal_points = FocalPoint.objects.filter(delegation=ghana.delegation, meeting=ghana.meeting)
    assert list(ghana_focal_points.values_list("user__email", flat=True)) == ["focalpoint.gh@example.org"]
    # 2010's focal points are 2010's: Mexico's focal point is nobody's in 2011 until nominated for it.
    mexican = FocalPoint.objects.filter(user__email="focalpoint.mx@example.org")
    assert list(mexican.values_list("meeting__number", "delegation__country")) == [(4, "MX")]
    head = Registration.objects.get(person__email="focalpoint.mx@example.org")
    assert (head.role, sorted(head.sessions.values_list("code", flat=True))) == ("head", ["1.1", "CP", "FF", "OP"])
    assert DelegationQuota.objects.get(delegation__country="MX").places == 10
