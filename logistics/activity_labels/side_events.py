"""side_events: the actions as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "logistics.side_event.proposed": _("Side event proposed"),
    "logistics.side_event.withdrawn": _("Side event withdrawn by its proposer"),
    "logistics.side_event.accepted": _("Side event accepted into a room and time"),
    "logistics.side_event.moved": _("Accepted side event moved to another room or time"),
    "logistics.side_event.declined": _("Side event declined"),
    "logistics.side_event.registered": _("Place taken at a side event"),
    "logistics.side_event.cancelled": _("Place at a side event cancelled"),
}
