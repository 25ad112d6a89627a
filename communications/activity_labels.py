"""The composed mailings' actions as the activity log shows them (registered in CommunicationsConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "communications.composed.created": _("Mailing written"),
    "communications.composed.edited": _("Mailing edited"),
    "communications.composed.tested": _("Test of a mailing sent to its writer"),
    "communications.composed.put_in_outbox": _("Mailing put in the outbox"),
}
