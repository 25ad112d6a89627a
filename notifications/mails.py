"""The notifications' mails (templates/notifications/mail/), registered when the app is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "notifications.programme_changes",
    description=_(
        "To the approved participants, once the Chair's office confirms: what changed in the sessions they chose "
        "in a new version of the programme (time, room, title). They may turn it off."
    ),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting's title"),
        "version": _("the programme's new version number"),
        "sessions": _("the participant's changed sessions, each change old and new"),
        "programme_url": _("the public programme"),
    },
)
register_mail(
    "notifications.papers_published",
    description=_(
        "At most once a day, to the approved participants: the papers newly published for the sessions they "
        "chose. They may turn it off."
    ),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "papers": _("the papers, each with its session, title and page, and its session's document pack"),
    },
)
register_mail(
    "notifications.paper_comments",
    description=_(
        "At most once a day, to a paper's team and authors: the comments others wrote on the papers they work "
        "on. They may turn it off."
    ),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "papers": _("the papers commented on, each with its session, title, page and comments (author, version, text)"),
    },
)
