"""funding: rules. The Chair's office of a meeting runs its funding calls and decides the nominations;
a focal point of a delegation in that meeting nominates its people. The services check these, and the
states the rules cannot see (the call open, the deadline, the delegation eligible, the budget)."""

import rules

from delegations.permissions import InMeeting, is_focal_point
from roundtables.permissions import manages_meeting_of

# On a meeting (or a call, by its meeting): create, edit, open and close calls, decide nominations, the report.
MANAGE_FUNDING = "logistics.manage_funding"
# On a delegation in a meeting (delegations.permissions.InMeeting): nominate its people.
NOMINATE_FOR_FUNDING = "logistics.nominate_for_funding"

rules.add_perm(MANAGE_FUNDING, manages_meeting_of)
rules.add_perm(NOMINATE_FOR_FUNDING, is_focal_point)

__all__ = ["MANAGE_FUNDING", "NOMINATE_FOR_FUNDING", "InMeeting"]
