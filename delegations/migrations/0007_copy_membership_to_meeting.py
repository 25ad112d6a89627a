"""Copy each delegation's global Steering Group / Friends of the Forum flags and focal points into the
rows of the meeting they described: the current meeting, or the latest when none is current. Without a
meeting there is nothing to attach them to (a fresh database): nothing is copied."""

from django.db import migrations
from django.utils import timezone


def copy_to_meeting(apps, schema_editor):
    Meeting = apps.get_model("roundtables", "Meeting")
    Delegation = apps.get_model("delegations", "Delegation")
    MeetingMembership = apps.get_model("delegations", "MeetingMembership")
    FocalPoint = apps.get_model("delegations", "FocalPoint")
    meeting = Meeting.objects.filter(is_current=True).first() or Meeting.objects.order_by("-number").first()
    if meeting is None:
        return
    members = Delegation.objects.filter(steering_group=True) | Delegation.objects.filter(friends_of_the_forum=True)
    MeetingMembership.objects.bulk_create(
        [
            MeetingMembership(
                delegation_id=delegation.pk,
                meeting_id=meeting.pk,
                steering_group=delegation.steering_group,
                friends_of_the_forum=delegation.friends_of_the_forum,
            )
            for delegation in members.distinct().order_by("pk")
        ],
        ignore_conflicts=True,
    )
    # A person was allowed to be focal point of several delegations; now one per meeting: the first
    # delegation by name keeps them (the others are listed in the migration's output for the Chair's office).
    now = timezone.now()
    taken: set[int] = set()
    rows = []
    through = Delegation.focal_points.through
    for delegation_id, user_id, name in through.objects.order_by("delegation__name", "pk").values_list(
        "delegation_id", "user_id", "delegation__name"
    ):
        if user_id in taken:
            print(f"\n  focal point {user_id} of {name} not copied: already focal point of another delegation")
            continue
        taken.add(user_id)
        rows.append(FocalPoint(delegation_id=delegation_id, meeting_id=meeting.pk, user_id=user_id, accepted_at=now))
    FocalPoint.objects.bulk_create(rows, ignore_conflicts=True)


def copy_back(apps, schema_editor):
    """Reverse: the current (or latest) meeting's rows become the global flags and focal points again."""
    Meeting = apps.get_model("roundtables", "Meeting")
    Delegation = apps.get_model("delegations", "Delegation")
    MeetingMembership = apps.get_model("delegations", "MeetingMembership")
    FocalPoint = apps.get_model("delegations", "FocalPoint")
    meeting = Meeting.objects.filter(is_current=True).first() or Meeting.objects.order_by("-number").first()
    if meeting is None:
        return
    for membership in MeetingMembership.objects.filter(meeting=meeting):
        Delegation.objects.filter(pk=membership.delegation_id).update(
            steering_group=membership.steering_group, friends_of_the_forum=membership.friends_of_the_forum
        )
    through = Delegation.focal_points.through
    through.objects.bulk_create(
        [
            through(delegation_id=delegation_id, user_id=user_id)
            for delegation_id, user_id in FocalPoint.objects.filter(meeting=meeting).values_list(
                "delegation_id", "user_id"
            )
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0006_membership_per_meeting"),
        ("roundtables", "0005_meeting_closed_at"),
    ]

    operations = [migrations.RunPython(copy_to_meeting, copy_back)]
