"""The notifications' actions as the activity log shows them (registered in NotificationsConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "notifications.preferences.saved": _("Notification preferences saved"),
    "notifications.preferences.unsubscribed": _("Notification turned off from a mail's link"),
    "notifications.programme_digest.sent": _("Participants notified of the programme's changes"),
}
