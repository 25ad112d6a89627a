"""The outcome's sign-off mails (templates/outcomes/mail/), registered when the app is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_OUTCOME = {
    "salutation": PLACEHOLDERS["salutation"],
    "session": _("the session (its code and title)"),
    "url": _("the outcome's workspace"),
}
_ACTOR = {"actor": _("who acted")}

register_mail(
    "outcomes.submitted",
    description=_("To the co-chairs' representatives: the outcome awaits their sign-off."),
    placeholders={**_OUTCOME, **_ACTOR},
)
register_mail(
    "outcomes.returned",
    description=_("To the rapporteurs: the outcome is returned to drafting, with comments."),
    placeholders={**_OUTCOME, **_ACTOR, "comment": _("the comments")},
)
register_mail(
    "outcomes.commented",
    description=_("To the rapporteurs: a new comment on a section."),
    placeholders={**_OUTCOME, **_ACTOR, "section": _("the section commented on"), "comment": _("the comment")},
)
register_mail(
    "outcomes.approved",
    description=_("To the rapporteurs and the Chair's office: the outcome is approved."),
    placeholders=_OUTCOME,
)
register_mail(
    "outcomes.published",
    description=_("To the rapporteurs and co-chairs' representatives: the outcome is published."),
    placeholders=_OUTCOME,
)
