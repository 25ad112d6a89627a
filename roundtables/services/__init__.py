"""Every write to meetings, roundtables, sessions and teams goes through these functions.

Each one validates, saves and logs the change (activity.services.activity_log) in one
transaction. Import them from here: `from roundtables.services import session_create`.
"""

from roundtables.services.closing import meeting_close, meeting_correction_end, meeting_correction_open
from roundtables.services.co_chairs import session_description_update
from roundtables.services.meetings import meeting_copy, meeting_make_current, meeting_prepare, meeting_update
from roundtables.services.programme import programme_publish
from roundtables.services.staff import (
    coordinator_name,
    coordinator_revoke,
    meeting_role_name,
    meeting_role_revoke,
    meeting_staff_invitation_withdraw,
    meeting_staff_invite,
    meeting_staff_join,
    meeting_staff_revoke,
    translator_name,
)
from roundtables.services.structure import (
    room_create,
    room_update,
    roundtable_create,
    roundtable_delete,
    roundtable_move,
    roundtable_update,
    session_create,
    session_delete,
    session_move,
    session_update,
)
from roundtables.services.team import (
    team_delegation_add,
    team_delegation_remove,
    team_person_add,
    team_person_remove,
    team_representative_set_government,
)
from roundtables.services.translations import roundtable_translation_save, session_translation_save

__all__ = [
    "coordinator_name",
    "coordinator_revoke",
    "meeting_close",
    "meeting_copy",
    "meeting_correction_end",
    "meeting_correction_open",
    "meeting_make_current",
    "meeting_prepare",
    "meeting_role_name",
    "meeting_role_revoke",
    "meeting_staff_invitation_withdraw",
    "meeting_staff_invite",
    "meeting_staff_join",
    "meeting_staff_revoke",
    "meeting_update",
    "programme_publish",
    "room_create",
    "room_update",
    "roundtable_create",
    "roundtable_delete",
    "roundtable_move",
    "roundtable_translation_save",
    "roundtable_update",
    "session_create",
    "session_delete",
    "session_description_update",
    "session_move",
    "session_translation_save",
    "session_update",
    "team_delegation_add",
    "team_delegation_remove",
    "team_person_add",
    "team_person_remove",
    "team_representative_set_government",
    "translator_name",
]
