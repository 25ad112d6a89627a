"""checkin: who may check badges in at a meeting's door, and who names the people who do (django-rules).

The door: the meeting's check-in staff (roundtables.MeetingRole, role checkin_staff, named by the Chair's
office) and the meeting's own Chair's office (its staff, or portal support), of THAT meeting only. The
service checks "who" (PermissionDenied) and then `ensure_open` (a closed meeting's record is read-only)."""

import rules

from roundtables.models import MeetingRole
from roundtables.permissions import manages_meeting_of, meeting_id_of


def checkin_meeting_ids(user) -> frozenset[int]:
    """The meetings the person is check-in staff of: one query, remembered on the user for the request."""
    cached = getattr(user, "_logistics_checkin_meetings", None)
    if cached is None:
        cached = frozenset(
            MeetingRole.objects.active()
            .filter(user=user.pk, role=MeetingRole.Role.CHECKIN_STAFF)
            .values_list("meeting_id", flat=True)
        )
        user._logistics_checkin_meetings = cached
    return cached


@rules.predicate
def is_checkin_staff_of(user, obj) -> bool:
    if user is None or not user.is_authenticated or obj is None:
        return False
    meeting_id = meeting_id_of(obj)
    return meeting_id is not None and meeting_id in checkin_meeting_ids(user)


@rules.predicate
def manages_the_meeting(user, obj) -> bool:
    return obj is not None and manages_meeting_of(user, obj)


# Scan badges at the meeting's door (and see the door page).
CHECKIN_AT_DOOR = "logistics.checkin_at_door"
# Name and revoke the meeting's check-in staff: the meeting's Chair's office (roundtables' service checks
# its own rule again, require_staff_admin).
MANAGE_CHECKIN_STAFF = "logistics.manage_checkin_staff"

rules.add_perm(CHECKIN_AT_DOOR, is_checkin_staff_of | manages_the_meeting)
rules.add_perm(MANAGE_CHECKIN_STAFF, manages_the_meeting)
