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
        from followup.selectors.practices import published_practices_stamp
        from followup.selectors.recommendations import published_recommendations_stamp
        from followup.selectors.tracker import builds_on_stamp
        from followup.services.recommendations import recommendations_publish
        from outcomes.hooks import register_on_publish
        from roundtables.programme.cache import register_page_stamp

        # An outcome's recommendations go public with it (outcomes cannot import this higher app).
        register_on_publish(recommendations_publish)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
        # The public session page lists the session's published recommendations, the earlier ones it
        # builds on and the practices presented in it (templates/followup/partials/session_followup.html):
        # its ETag follows each of them.
        register_page_stamp(published_recommendations_stamp)
        register_page_stamp(builds_on_stamp)
        register_page_stamp(published_practices_stamp)
