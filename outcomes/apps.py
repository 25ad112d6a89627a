from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Session outcomes")

    def ready(self) -> None:
        from outcomes import permissions  # noqa: F401  (registers the rules)
