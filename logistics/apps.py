from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The parts of the app, one module each in models/, permissions/, services/, selectors/, views/,
# urls/, forms/, mails/, activity_labels/, demo/, tasks/ and wiring/.
PARTS = ("visa", "funding", "travel", "side_events", "agenda", "checkin", "attendance")


class LogisticsConfig(AppConfig):
    """Around the meeting: visa letters, funded participation, travel and partner hotels, side events
    and each participant's personal agenda."""

    name = "logistics"
    verbose_name = _("Logistics")

    def ready(self) -> None:
        from activity.registry import register_actions
        from logistics import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from logistics.activity_labels import ACTIONS

        register_actions(ACTIONS)  # the activity log names this app's actions in words
        # Each part fills the lower apps' registries it needs (logistics/wiring/<part>.py: connect()).
        for part in PARTS:
            import_module(f"logistics.wiring.{part}").connect()
