"""visa: mail templates (texts in templates/logistics/mail/visa_*.txt). They never carry the passport
number: only the letter's reference and the link to the person's own page."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "logistics.visa_issued",
    description=_("To a participant: their visa support letter is issued and can be downloaded."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting"),
        "reference": _("the letter's reference number"),
        "url": _("the person's visa letter page"),
    },
)
register_mail(
    "logistics.visa_revoked",
    description=_("To a participant: their visa support letter was revoked and no longer verifies."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting"),
        "reference": _("the letter's reference number"),
        "reason": _("why it was revoked"),
        "url": _("the person's visa letter page"),
    },
)
