"""The session team's mail (templates/roundtables/mail/), registered when the app is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "roundtables.team_named",
    description=_("To a person the Chair's office names on a session's team: their role and where to use it."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting"),
        "session": _("the session (its code and title)"),
        "role": _("the role, in words"),
        "when": _("when the session runs"),
        "government": _("the government a co-chair's representative speaks for"),
        "what_you_can_do": _("what the role lets them do"),
        "links": _("the pages where they do it"),
    },
)

register_mail(
    "roundtables.meeting_staff_invitation",
    description=_("To an invited address: join a meeting's Chair's office."),
    placeholders={
        "invitation": _("the invitation (its address and end)"),
        "meeting": _("the meeting"),
        "inviter": _("who invites"),
        "link": PLACEHOLDERS["link"],
    },
)

register_mail(
    "roundtables.meeting_role_named",
    description=_(
        "To a person the Chair's office names to a role in its meeting (civil-society coordinator, translator): "
        "the role and where to use it."
    ),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting"),
        "role": _("the role, in words"),
        "what_you_can_do": _("what the role lets them do"),
        "link": _("the page where they do it"),
    },
)
