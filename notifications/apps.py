from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Mails that follow the work (what changed in the programme, papers published), each person's
    choice of the non-essential ones, and the one-click unsubscribe."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from activity.registry import register_actions
        from mailings.notification_kinds import register_unsubscribe_provider
        from notifications import (
            kinds,  # noqa: F401  (registers the kinds a person may turn off)
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from notifications.activity_labels import ACTIONS
        from notifications.unsubscribe import unsubscribe_provide
        from notifications.views import programme_digest_link
        from roundtables.programme.release_links import register_release_link

        register_unsubscribe_provider(unsubscribe_provide)  # mailings adds the List-Unsubscribe headers
        register_release_link(programme_digest_link)  # "Notify the participants" on the publish page
        register_actions(ACTIONS)  # the activity log names this app's actions in words
