"""The practices' actions as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "followup.practice.submitted": _("Practice submitted"),
    "followup.practice.edited": _("Practice changed by its submitter"),
    "followup.practice.resubmitted": _("Returned practice changed and submitted again"),
    "followup.practice.withdrawn": _("Practice withdrawn"),
    "followup.practice.review_updated": _("Practice's links or translations changed"),
    "followup.practice.published": _("Practice published"),
    "followup.practice.returned": _("Practice returned for changes"),
    "followup.practice.declined": _("Practice declined"),
}
