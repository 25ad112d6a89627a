from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top layer: pages that gather every app (the personal "My GFMD" dashboard, the welcome
    page after sign-up) and the demo loader. Nothing below imports it."""

    name = "portal"
    verbose_name = _("Portal")
