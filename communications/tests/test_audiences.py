"""Each audience reaches the right people, each once, and never a pending, rejected or withdrawn registration."""

import pytest

from accounts.tests.factories import UserFactory
from communications.audiences import audience_people

pytestmark = pytest.mark.django_db


def _reached(world, audience, **kwargs) -> list:
    people = list(audience_people(world.meeting, audience, **kwargs))
    assert len(people) == len({person.pk for person in people}), "someone is reached twice"
    return sorted(person.pk for person in people)


def _ids(*people) -> list:
    return sorted(person.pk for person in people)


def test_all_focal_points(world):
    assert _reached(world, "focal_points") == _ids(world.fp_mexico, world.fp_ghana, world.fp_ngo)


def test_steering_group_is_its_members_focal_points(world):
    assert _reached(world, "steering_group") == _ids(world.fp_mexico)


def test_friends_of_the_forum_are_their_members_focal_points(world):
    assert _reached(world, "friends") == _ids(world.fp_mexico, world.fp_ghana)


def test_approved_participants_only(world):
    assert _reached(world, "participants") == _ids(
        world.fp_mexico, world.delegate_mx, world.delegate_gh, world.activist
    )


def test_one_session_participants_once_each(world):
    # delegate_mx chose two sessions: one row, not two; pending, withdrawn and rejected ones chose it too.
    assert _reached(world, "session", session=world.session) == _ids(world.fp_mexico, world.delegate_mx, world.activist)
    assert _reached(world, "session", session=world.other_session) == _ids(world.delegate_mx, world.delegate_gh)
    assert _reached(world, "session") == []


def test_civil_society(world):
    assert _reached(world, "civil_society") == _ids(world.activist)


def test_one_delegation(world):
    assert _reached(world, "delegation", delegation=world.mexico) == _ids(world.fp_mexico, world.delegate_mx)
    assert _reached(world, "delegation", delegation=world.ghana) == _ids(world.delegate_gh)


def test_hand_picked_without_inactive_accounts(world):
    inactive = UserFactory(is_active=False)
    outsider = UserFactory()
    assert _reached(world, "hand_picked", people_ids=[outsider.pk, inactive.pk, world.activist.pk]) == _ids(
        outsider, world.activist
    )


def test_another_meeting_reaches_nobody_of_this_one(world):
    from roundtables.tests.factories import MeetingFactory

    other = MeetingFactory()
    assert list(audience_people(other, "participants")) == []
    assert list(audience_people(other, "focal_points")) == []


def test_each_person_is_mailed_as_their_delegation(world):
    people = {person.pk: person.delegation_ref for person in audience_people(world.meeting, "participants")}
    assert people[world.delegate_gh.pk] == world.ghana.pk
    assert people[world.fp_mexico.pk] == world.mexico.pk
    focal_points = {person.pk: person.delegation_ref for person in audience_people(world.meeting, "focal_points")}
    assert focal_points[world.fp_ngo.pk] == world.ngo.pk  # no registration: their focal point role's
