from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationsConfig(AppConfig):
    """Mailings the Chair's office (or a focal point, to their delegation) writes to an audience."""

    name = "communications"
    verbose_name = _("Communications")
