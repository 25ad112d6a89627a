"""Roles held through group membership. Other roles (focal point, rapporteur, co-chair's
representative) are facts in the data, read by each app's permissions module."""

from django.utils.translation import gettext_lazy as _

# The portal's operators: everything the Chair's office of any meeting may do, on every meeting. A
# Chair's office's own staff hold their rights per meeting (roundtables.MeetingRole), not by a group.
SUPPORT = "Portal support"
CIVIL_SOCIETY_COORDINATOR = "Civil-society coordinator"

GROUPS = {
    SUPPORT: _("Portal support"),
    CIVIL_SOCIETY_COORDINATOR: _("Civil-society coordinator"),
}
