from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = _("Background papers")

    def ready(self) -> None:
        from papers import permissions, signals  # noqa: F401  (registers the rules and signal receivers)
