"""travel: the actions of the travel and hotel part as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "logistics.travel_plan.saved": _("Arrival and departure saved"),
    "logistics.hotel.added": _("Partner hotel added"),
    "logistics.hotel.changed": _("Partner hotel changed"),
    "logistics.room_block.added": _("Room block added"),
    "logistics.room_block.changed": _("Room block changed"),
    "logistics.hotel_booking.booked": _("Hotel room booked"),
    "logistics.hotel_booking.cancelled": _("Hotel booking cancelled"),
}
