"""Roles held through group membership. Other roles (focal point, rapporteur, co-chair's
representative) are facts in the data, read by each app's permissions module."""

from django.utils.translation import gettext_lazy as _

CHAIR_OFFICE = "Chair's office"
CIVIL_SOCIETY_COORDINATOR = "Civil-society coordinator"

GROUPS = {
    CHAIR_OFFICE: _("Chair's office"),
    CIVIL_SOCIETY_COORDINATOR: _("Civil-society coordinator"),
}
