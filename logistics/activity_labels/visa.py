"""visa: activity labels."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "logistics.visa_letter.requested": _("Visa letter requested"),
    "logistics.visa_letter.updated": _("Visa letter request corrected"),
    "logistics.visa_letter.issued": _("Visa letter issued"),
    "logistics.visa_letter.revoked": _("Visa letter revoked"),
    "logistics.visa_letter.cancelled": _("Visa letter request cancelled"),
    "logistics.visa_template.saved": _("Visa letter template saved"),
    "logistics.visa_run.started": _("Visa letters issued in bulk"),
}
