from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "mailings"
    verbose_name = _("Mailings")

    def ready(self) -> None:
        from mailings import permissions  # noqa: F401  (registers the rules)
