"""People administration's actions as the activity log shows them (registered in PortalConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from activity.registry import Action

ACTIONS = {
    "portal.person.deactivated": Action(_("Account deactivated"), on_object=_("Deactivated")),
    "portal.person.reactivated": Action(_("Account reactivated"), on_object=_("Reactivated")),
    "portal.staff.invited": Action(_("Invitation to portal support sent"), on_object=_("Invitation sent")),
    "portal.staff.withdrawn": Action(_("Invitation to portal support withdrawn"), on_object=_("Invitation withdrawn")),
    "portal.staff.joined": Action(_("Joined portal support"), on_object=_("Joined portal support")),
    "portal.staff.revoked": Action(_("Removed from portal support"), on_object=_("Removed from portal support")),
}
