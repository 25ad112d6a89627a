"""The data migration 0007: each delegation's global Steering Group / Friends of the Forum flags and focal
points become the current meeting's rows (the latest meeting's when none is current), and 0008 removes
the global fields."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("delegations", "0006_membership_per_meeting")]
AFTER = [("delegations", "0008_remove_global_membership")]


def migrate(targets):
    """Migrate delegations to `targets`, every other app staying at its latest migration (so the
    historical models hold every column the tables have)."""
    executor = MigrationExecutor(connection)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "delegations"]
    executor.migrate(targets)
    executor = MigrationExecutor(connection)
    return executor.loader.project_state([*others, *targets]).apps


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.parametrize("current", [True, False])
def test_global_flags_and_focal_points_move_to_the_current_or_latest_meeting(old_apps, current):
    Meeting = old_apps.get_model("roundtables", "Meeting")
    Delegation = old_apps.get_model("delegations", "Delegation")
    User = old_apps.get_model("accounts", "User")
    dates = {"start_date": "2010-11-08", "end_date": "2010-11-11", "host_country": "MX", "city": "Puerto Vallarta"}
    earlier = Meeting.objects.create(number=3, title="Third", theme="t", is_current=current, **dates)
    latest = Meeting.objects.create(number=4, title="Fourth", theme="t", **dates)
    target = earlier if current else latest
    mexico = Delegation.objects.create(kind="state", country="MX", name="Mexico", steering_group=True)
    iom = Delegation.objects.create(kind="observer", name="IOM", friends_of_the_forum=True)
    Delegation.objects.create(kind="observer", name="Nobody's", region="global")
    javier = User.objects.create(email="javier@example.org")
    both = User.objects.create(email="both@example.org")
    mexico.focal_points.add(javier, both)
    iom.focal_points.add(both)  # one delegation per person and meeting now: the first by name keeps them

    new_apps = migrate(AFTER)

    Membership = new_apps.get_model("delegations", "MeetingMembership")
    FocalPoint = new_apps.get_model("delegations", "FocalPoint")
    memberships = Membership.objects.order_by("delegation__name").values_list(
        "delegation__name", "meeting_id", "steering_group", "friends_of_the_forum"
    )
    assert list(memberships) == [("IOM", target.pk, False, True), ("Mexico", target.pk, True, False)]
    focal_points = FocalPoint.objects.order_by("user__email").values_list(
        "user__email", "delegation__name", "meeting_id"
    )
    assert list(focal_points) == [
        ("both@example.org", "IOM", target.pk),
        ("javier@example.org", "Mexico", target.pk),
    ]
    fields = {field.name for field in new_apps.get_model("delegations", "Delegation")._meta.get_fields()}
    assert not fields & {"steering_group", "friends_of_the_forum", "focal_points"}


def test_without_any_meeting_nothing_is_copied(old_apps):
    Delegation = old_apps.get_model("delegations", "Delegation")
    Delegation.objects.create(kind="state", country="MX", name="Mexico", steering_group=True)
    new_apps = migrate(AFTER)
    assert not new_apps.get_model("delegations", "MeetingMembership").objects.exists()
