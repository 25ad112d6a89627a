"""A survey's invitation and reminder (templates/surveys/mail/, one file per language: content the
Chair's office edits before sending, not interface strings), registered when the app is ready.
Their {placeholders} are filled in for each recipient by mailings.services.mailing_create()."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_PLACEHOLDERS = {name: PLACEHOLDERS[name] for name in ("salutation", "delegation", "survey", "closing_date", "link")}

register_mail(
    "surveys.invitation",
    description=_("To the audience of a survey: the invitation to answer, with a personal link."),
    placeholders=_PLACEHOLDERS,
)
register_mail(
    "surveys.reminder",
    description=_("To those who have not answered a survey: a reminder, with their personal link."),
    placeholders=_PLACEHOLDERS,
)
