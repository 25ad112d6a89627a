"""The outcomes' actions as the activity log shows them (registered in OutcomesConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "outcomes.outcome.started": _("Outcome started"),
    "outcomes.section.conflict": _("Outcome section: two edits met"),
    "outcomes.section.merged": _("Outcome section: edits merged"),
    "outcomes.section.restored": _("Outcome section: earlier text restored"),
    "outcomes.section.commented": _("Comment on an outcome section"),
    "outcomes.outcome.submitted": _("Outcome submitted for sign-off"),
    "outcomes.outcome.returned": _("Outcome returned to drafting"),
    "outcomes.outcome.signed_off": _("Outcome signed off by a co-chair government"),
    "outcomes.outcome.approved": _("Outcome approved"),
    "outcomes.outcome.published": _("Outcome published"),
    "outcomes.outcome.language_set": _("Outcome's original language chosen"),
    "outcomes.translation.published": _("Outcome translation published"),
}
