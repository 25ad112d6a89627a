"""Who may do what with meetings, roundtables and sessions (django-rules)."""

import rules

from accounts.permissions import is_chair_office
from roundtables.selectors import team_roles


@rules.predicate
def is_session_rapporteur(user, session) -> bool:
    return team_roles(user, session).is_rapporteur


@rules.predicate
def is_session_co_chair(user, session) -> bool:
    """The session's co-chair: named as a co-chair's representative on its team, or focal point of one of
    its co-chair delegations."""
    return team_roles(user, session).is_co_chair


# Both take the meeting as their object (roundtables.editions); without one they ask "any meeting".
rules.add_perm("roundtables.manage_meeting", is_chair_office)
rules.add_perm("roundtables.view_meeting_records", is_chair_office)
rules.add_perm("roundtables.view_chair_dashboard", is_chair_office)
# Co-chairs edit their own session's description and team notes; the Chair's office edits everything.
rules.add_perm("roundtables.edit_session_description", is_chair_office | is_session_co_chair)
# Closing a meeting's record, and opening or ending a correction on a closed one: a deliberate act of the
# Chair's office. While a correction is open, the Chair's office writes to the closed meeting
# (roundtables.editions.ensure_open).
rules.add_perm("roundtables.close_meeting", is_chair_office)
rules.add_perm("roundtables.correct_meeting", is_chair_office)
