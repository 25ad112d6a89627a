from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundtablesConfig(AppConfig):
    name = "roundtables"
    verbose_name = _("Meetings and roundtables")

    def ready(self) -> None:
        from roundtables import permissions  # noqa: F401  (registers the rules)
