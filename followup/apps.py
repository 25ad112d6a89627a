from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Recommendations and practices")

    def ready(self) -> None:
        from followup import permissions  # noqa: F401  (registers the rules)
        from followup.services.recommendations import recommendations_publish
        from outcomes.hooks import register_on_publish

        # An outcome's recommendations go public with it (outcomes cannot import this higher app).
        register_on_publish(recommendations_publish)
