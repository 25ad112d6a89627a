from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public read-only API (Django REST framework, /api/v1/): what the Forum publishes, as data."""

    name = "api"
    verbose_name = _("Public API")
