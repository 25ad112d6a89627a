from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations and registration")

    def ready(self) -> None:
        from delegations import permissions  # noqa: F401  (registers the rules)
