"""funding: mail templates (texts in templates/logistics/mail/funding_*)."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "logistics.funding_decided",
    description=_("To a person nominated for funded participation and their delegation's focal points: the decision."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "call": _("the funding call"),
        "meeting": _("the meeting"),
        "nominee": _("the nominated person"),
        "delegation": _("their delegation"),
        "funded": _("whether the participation is funded"),
        "amount": _("the amount granted, with its currency"),
        "covered": _("what a funded place covers"),
        "reason": _("the Chair's office's note or reason"),
        "url": _("the funding nominations page"),
    },
)
