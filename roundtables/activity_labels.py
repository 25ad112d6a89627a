"""The roundtables' actions as the activity log shows them (registered in RoundtablesConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "roundtables.roundtable.created": _("Roundtable added"),
    "roundtables.roundtable.updated": _("Roundtable edited"),
    "roundtables.roundtable.deleted": _("Roundtable deleted"),
    "roundtables.roundtable.moved": _("Roundtables reordered"),
    "roundtables.session.created": _("Session added"),
    "roundtables.session.updated": _("Session edited"),
    "roundtables.session.deleted": _("Session deleted"),
    "roundtables.session.moved": _("Sessions reordered"),
    "roundtables.session.description_updated": _("Description edited by a co-chair"),
    "roundtables.team.delegation_added": _("Delegation joined the team"),
    "roundtables.team.delegation_removed": _("Delegation left the team"),
    "roundtables.team.person_added": _("Person joined the team"),
    "roundtables.team.person_removed": _("Person left the team"),
    "roundtables.team.representative_government_set": _("Co-chair's representative now speaks for another government"),
    "roundtables.programme.published": _("Programme published"),
    "roundtables.meeting.updated": _("Meeting details edited"),
    "roundtables.meeting.copied": _("Meeting created from another's structure"),
    "roundtables.meeting.made_current": _("Meeting made current"),
    "roundtables.meeting.prepared": _("Next meeting prepared for the next Chair"),
    "roundtables.staff.invited": _("Chair's office staff invited"),
    "roundtables.staff.withdrawn": _("Chair's office staff invitation withdrawn"),
    "roundtables.staff.joined": _("Joined the meeting's Chair's office"),
    "roundtables.staff.revoked": _("Removed from the meeting's Chair's office"),
    "roundtables.coordinator.named": _("Named civil-society coordinator of the meeting"),
    "roundtables.coordinator.revoked": _("No longer civil-society coordinator of the meeting"),
    "roundtables.meeting.closed": _("Meeting's record closed (read-only)"),
    "roundtables.correction.opened": _("Correction of a closed meeting opened"),
    "roundtables.correction.ended": _("Correction of a closed meeting ended"),
}
