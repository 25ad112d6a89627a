"""The recommendations' actions as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "followup.recommendation.added": _("Recommendation marked in an outcome"),
    "followup.recommendation.changed": _("Recommendation changed"),
    "followup.recommendation.translated": _("Recommendation translated"),
    # Logged on the outcome (the recommendation is gone): the entry keeps its number from being used again.
    "followup.recommendation.removed": _("Recommendation removed from an outcome"),
}
