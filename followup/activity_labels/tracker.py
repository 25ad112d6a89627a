"""The tracker's actions as the activity log names them (part "tracker")."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "followup.session.recommendation_linked": _("Session linked to a recommendation it builds on"),
    "followup.session.recommendation_unlinked": _("Session no longer linked to a recommendation"),
}
