"""The retention action as the activity log shows it (registered in PortalConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from activity.registry import Action

ACTIONS = {
    "portal.meeting.anonymised": Action(
        _("Participants' personal data anonymised"), on_object=_("Personal data anonymised")
    ),
}
