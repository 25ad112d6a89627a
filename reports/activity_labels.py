"""The reports' actions as the activity log shows them (registered in ReportsConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "reports.file.requested": _("Document requested"),
    "reports.file.failed": _("Document could not be made"),
    "reports.file.downloaded": _("Document downloaded"),
}
