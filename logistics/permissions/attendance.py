"""attendance: who reads a meeting's attendance (counts, the list as PDF and XLSX): its Chair's office
(the meeting's staff, or portal support), of that meeting only."""

import rules

from roundtables.permissions import manages_meeting_of


@rules.predicate
def manages_the_meeting(user, obj) -> bool:
    return obj is not None and manages_meeting_of(user, obj)


VIEW_ATTENDANCE = "logistics.view_attendance"

rules.add_perm(VIEW_ATTENDANCE, manages_the_meeting)
