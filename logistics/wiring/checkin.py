"""checkin: what it registers in the lower apps: the header's menu fact "checks_in_current_meeting" (named
check-in staff of the current meeting: the personal menu's "Check-in at the door"), read in the header's
one query on the person's row."""

from django.db.models import Exists


def checks_in_current_meeting(user):
    from roundtables.models import MeetingRole

    return Exists(
        MeetingRole.objects.active().filter(user=user.pk, role=MeetingRole.Role.CHECKIN_STAFF, meeting__is_current=True)
    )


def connect() -> None:
    from accounts.menu import register_menu_fact

    register_menu_fact("checks_in_current_meeting", checks_in_current_meeting)
