from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from activity.registry import register_actions
        from reports import documents, permissions  # noqa: F401  (registers the renderers and the rules)
        from reports.activity_labels import ACTIONS

        register_actions(ACTIONS)  # the activity log names this app's actions in words
