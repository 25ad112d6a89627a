from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from activity.registry import register_actions
        from mailings.links import register_link_provider
        from surveys import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from surveys.activity_labels import ACTIONS
        from surveys.services.links import invitation_link_mint, invitation_links_mint

        # Survey mails carry a personal link, created when each mail is sent (a mailing's batch together).
        register_link_provider("surveys.invitation", invitation_link_mint, mint_many=invitation_links_mint)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
