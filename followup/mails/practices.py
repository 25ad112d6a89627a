"""Mails of the practices (mailings.templates.register_mail): the submitter hears of the Chair's office's
decision. Templates: templates/followup/mail/practice_<name>.txt and _subject.txt."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_PRACTICE = {
    "salutation": PLACEHOLDERS["salutation"],
    "title": _("the practice's title"),
    "url": _("the practice's page"),
}

register_mail(
    "followup.practice_published",
    description=_("To the submitter: the practice is published in the Platform for Partnerships."),
    placeholders=_PRACTICE,
)
register_mail(
    "followup.practice_returned",
    description=_("To the submitter: the practice is returned for changes, with the Chair's office's note."),
    placeholders={**_PRACTICE, "note": _("the note")},
)
register_mail(
    "followup.practice_declined",
    description=_("To the submitter: the practice is not published, with the Chair's office's note."),
    placeholders={**_PRACTICE, "note": _("the note")},
)
