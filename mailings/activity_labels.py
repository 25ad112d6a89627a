"""The mailings' actions as the activity log shows them (registered in MailingsConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "mailings.mailing.created": _("Mailing put in the outbox"),
    "mailings.mailing.released": _("Mailing sent"),
    "mailings.mailing.discarded": _("Mailing discarded"),
    "mailings.mailing.retried": _("Mailing's failed mails sent again"),
    "mailings.mail_text.saved": _("Mail text edited"),
    "mailings.mail_text.reset": _("Mail text reset to the default"),
}
