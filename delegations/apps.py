from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations and registration")

    def ready(self) -> None:
        from activity.registry import register_actions
        from delegations import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from delegations.activity_labels import ACTIONS
        from delegations.services.invitations import INVITATION_LINK, invitation_link_mint
        from delegations.services.membership import NOMINATION_LINK, nomination_link_mint
        from mailings.links import register_link_provider

        # An invitation's link is made when its mail is sent, never stored in clear.
        register_link_provider(INVITATION_LINK, invitation_link_mint)
        register_link_provider(NOMINATION_LINK, nomination_link_mint)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
