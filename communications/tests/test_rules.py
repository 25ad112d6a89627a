"""Every rule of communications.permissions: the right person allowed, the wrong one and the wrong state refused."""

import pytest

from accounts.tests.factories import UserFactory, grant_chair_staff
from communications.models import ComposedMailing
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _composed(world, **kwargs) -> ComposedMailing:
    values = {"meeting": world.meeting, "title": "Note", "subject_en": "S", "body_en": "B"}
    values.update(kwargs)
    return ComposedMailing.objects.create(**values)


def test_compose_on_a_meeting(world, chair):
    other_staff = UserFactory()
    grant_chair_staff(other_staff, [MeetingFactory()])
    assert chair.has_perm("communications.compose", world.meeting)
    assert world.fp_ghana.has_perm("communications.compose", world.meeting)
    assert not world.delegate_gh.has_perm("communications.compose", world.meeting)
    assert not other_staff.has_perm("communications.compose", world.meeting)
    assert not UserFactory().has_perm("communications.compose", world.meeting)


def test_any_audience_only_for_the_chair_office(world, chair):
    assert chair.has_perm("communications.write_to_any_audience", world.meeting)
    assert not world.fp_mexico.has_perm("communications.write_to_any_audience", world.meeting)


@pytest.mark.parametrize("perm", ["view_composed", "edit_composed", "send_composed"])
def test_composed_by_the_chair_office(world, chair, perm):
    composed = _composed(world, audience="participants")
    assert chair.has_perm(f"communications.{perm}", composed)
    # A focal point does not see a mailing to all participants, even of their own meeting.
    for user in (world.fp_mexico, world.delegate_mx, UserFactory()):
        assert not user.has_perm(f"communications.{perm}", composed)


@pytest.mark.parametrize("perm", ["view_composed", "edit_composed", "send_composed"])
def test_composed_by_a_focal_point_for_their_delegation(world, chair, perm):
    composed = _composed(world, audience="delegation", delegation=world.mexico, created_by=world.fp_mexico)
    assert world.fp_mexico.has_perm(f"communications.{perm}", composed)
    assert chair.has_perm(f"communications.{perm}", composed)
    assert not world.fp_ghana.has_perm(f"communications.{perm}", composed)
    assert not world.delegate_mx.has_perm(f"communications.{perm}", composed)


def test_in_the_outbox_it_is_seen_not_changed(world, chair):
    from mailings.models import Mailing

    mailing = Mailing.objects.create(title="Note", subject_template="S", body_template="B", meeting=world.meeting)
    composed = _composed(world, audience="delegation", delegation=world.mexico, state="outbox", mailing=mailing)
    for user in (chair, world.fp_mexico):
        assert user.has_perm("communications.view_composed", composed)
        assert not user.has_perm("communications.edit_composed", composed)
        assert not user.has_perm("communications.send_composed", composed)
