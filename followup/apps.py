from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Recommendations and practices")

    def ready(self) -> None:
        from activity.registry import register_actions
        from followup import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from followup.activity_labels import ACTIONS
        from followup.services.recommendations import recommendations_publish
        from outcomes.hooks import register_on_publish

        # An outcome's recommendations go public with it (outcomes cannot import this higher app).
        register_on_publish(recommendations_publish)
        register_actions(ACTIONS)  # the activity log names this app's actions in words

        # -- part "recommendations" --
        from followup.selectors.recommendations import published_recommendations_stamp
        from roundtables.programme.cache import register_page_stamp

        # The public session page lists the session's published recommendations: its ETag follows them.
        register_page_stamp(published_recommendations_stamp)
