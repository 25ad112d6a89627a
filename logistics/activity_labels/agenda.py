"""agenda: the actions as the activity log names them."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "logistics.agenda_feed.renewed": _("Personal agenda's calendar address replaced"),
}
