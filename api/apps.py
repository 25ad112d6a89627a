from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public read-only API (Django REST framework, /api/v1/): what the Forum publishes, as data; and
    the Chair's office's tokens for its meeting's read-only exports."""

    name = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from activity.registry import register_actions
        from api import (
            permissions,  # noqa: F401  (registers the rules)
            schema,  # noqa: F401  (the token in the OpenAPI schema)
        )
        from api.activity_labels import ACTIONS

        register_actions(ACTIONS)
