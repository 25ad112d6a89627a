"""Mails of the reports (mailings.templates.register_mail; texts in templates/followup/mail/)."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "followup.report_filed",
    description=_("To the Chair's office of the meeting: a delegation filed a follow-up report on a recommendation."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "recommendation": _("the recommendation's identifier"),
        "delegation": _("the delegation that reported"),
        "status": _("the status it reported"),
        "meeting": _("the meeting in whose follow-up it reported"),
        "url": _("the recommendation's follow-up reports"),
    },
)
