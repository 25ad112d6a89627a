"""checkin: activity labels."""

from django.utils.translation import gettext_lazy as _

ACTIONS: dict = {
    "logistics.checkin.recorded": _("Checked in at the door"),
}
