"""The non-essential notifications of this app, registered in mailings' registry of kinds (so an app below
this one, papers, can add its own) and offered on the preference page. Essential mail is not in the list."""

from django.utils.translation import gettext_lazy as _

from mailings.notification_kinds import register_notification_kind

PROGRAMME_CHANGES = "programme_changes"
PAPERS_PUBLISHED = "papers_published"
PAPER_COMMENTS = "paper_comments"

register_notification_kind(
    PROGRAMME_CHANGES,
    label=_("Programme changes"),
    description=_(
        "When a new version of the programme is published, a digest of what changed in the sessions you chose "
        "(time, room, title)."
    ),
)
register_notification_kind(
    PAPERS_PUBLISHED,
    label=_("Papers published"),
    description=_("At most once a day, the papers newly published for the sessions you chose."),
)
register_notification_kind(
    PAPER_COMMENTS,
    label=_("Comments on your papers"),
    description=_("In the daily digest, the comments written on the papers you work on."),
)
