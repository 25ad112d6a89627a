"""The surveys' actions as the activity log shows them (registered in SurveysConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "surveys.survey.created": _("Survey created"),
    "surveys.survey.updated": _("Survey edited"),
    "surveys.section.saved": _("Survey section saved"),
    "surveys.section.deleted": _("Survey section deleted"),
    "surveys.question.saved": _("Survey question saved"),
    "surveys.question.deleted": _("Survey question deleted"),
    "surveys.question.moved": _("Survey questions reordered"),
    "surveys.survey.invited": _("Survey invitations written"),
    "surveys.response.submitted": _("Survey answers submitted"),
    "surveys.reminder.created": _("Survey reminder written"),
    "surveys.reminder.scheduled": _("Survey reminder scheduled"),
    "surveys.reminder.cancelled": _("Scheduled survey reminder cancelled"),
    "surveys.reminder.sent": _("Scheduled survey reminder sent"),
}
