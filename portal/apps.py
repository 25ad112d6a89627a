from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top layer: pages that gather every app (the personal "My GFMD" dashboard, the welcome
    page after sign-up, the Chair's office's people administration) and the demo loader. Nothing
    below imports it."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from activity.registry import register_actions
        from mailings.links import register_link_provider
        from portal.people import mails  # noqa: F401  (registers its mail templates)
        from portal.people.activity_labels import ACTIONS
        from portal.people.services import STAFF_INVITATION_LINK, staff_invitation_link_mint
        from portal.retention.activity_labels import ACTIONS as RETENTION_ACTIONS

        # A Chair's office invitation's link is made when its mail is sent, never stored in clear.
        register_link_provider(STAFF_INVITATION_LINK, staff_invitation_link_mint)
        register_actions(ACTIONS)  # the activity log names people administration's actions in words
        register_actions(RETENTION_ACTIONS)
