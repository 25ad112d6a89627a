"""The reports' actions as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "followup.recommendation.status_changed": _("Recommendation's status changed"),
    "followup.report.filed": _("Follow-up report filed"),
    "followup.survey.created": _("Follow-up survey prepared"),
}
