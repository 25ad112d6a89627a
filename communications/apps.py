from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationsConfig(AppConfig):
    """Mailings the Chair's office (or a focal point, to their delegation) writes to an audience."""

    name = "communications"
    verbose_name = _("Communications")

    def ready(self) -> None:
        from activity.registry import register_actions
        from communications import permissions  # noqa: F401  (registers the rules)
        from communications.activity_labels import ACTIONS
        from communications.placeholders import MEETING, SESSION
        from mailings.placeholders import register_placeholder

        register_actions(ACTIONS)  # the activity log names this app's actions in words
        # {meeting} and {session} are filled in by mailings.services.mailing_create from each recipient's values.
        register_placeholder("meeting", MEETING)
        register_placeholder("session", SESSION)
