"""The mail people administration sends (templates/portal/mail/), registered when the portal is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "portal.staff_invitation",
    description=_("To an invited address: join portal support (the operators)."),
    placeholders={
        "invitation": _("the invitation (its address and end)"),
        "inviter": _("who invites"),
        "link": PLACEHOLDERS["link"],
    },
)
