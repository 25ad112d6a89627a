"""side_events: the proposer hears of the Chair's office's decision. Templates:
templates/logistics/mail/side_events_<name>.txt and _subject.txt."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_SIDE_EVENT = {
    "salutation": PLACEHOLDERS["salutation"],
    "title": _("the side event's title"),
    "meeting": _("the meeting's title"),
    "when": _("the side event's day and time"),
    "room": _("the room"),
    "url": _("the proposer's side events page"),
}

register_mail(
    "logistics.side_events_accepted",
    description=_("To the proposer: the Chair's office accepted the side event into a room and time."),
    placeholders=_SIDE_EVENT,
)
register_mail(
    "logistics.side_events_declined",
    description=_("To the proposer: the Chair's office declined the side event, with its reason."),
    placeholders={**{k: v for k, v in _SIDE_EVENT.items() if k != "room"}, "reason": _("the reason")},
)
