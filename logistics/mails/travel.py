"""travel: mail templates (mailings.templates.register_mail; texts in templates/logistics/mail/)."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "logistics.travel_booking_confirmed",
    description=_("To a participant: the room they booked in a partner hotel of the meeting."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "meeting": _("the meeting"),
        "hotel": _("the hotel's name"),
        "address": _("the hotel's address"),
        "room_type": _("the room type"),
        "check_in": _("the check-in date"),
        "check_out": _("the check-out date"),
        "url": _("the participant's travel and hotel page"),
    },
)
