from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Mails that follow the work (what changed in the programme, papers published), each person's
    choice of the non-essential ones, and the one-click unsubscribe."""

    name = "notifications"
    verbose_name = _("Notifications")
