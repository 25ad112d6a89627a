from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "mailings"
    verbose_name = _("Mailings")

    def ready(self) -> None:
        from accounts import links
        from activity.registry import register_actions
        from mailings import (
            mails,  # noqa: F401  (registers the account mails)
            permissions,  # noqa: F401  (registers the rules)
        )
        from mailings.activity_labels import ACTIONS
        from mailings.links import register_link_provider

        # The account mails queued by mailings.adapter: password-reset and confirmation links are
        # made when their mail is sent, never stored (accounts.links mints them).
        register_link_provider(links.PASSWORD_RESET, links.password_reset_link_mint)
        register_link_provider(links.EMAIL_CONFIRMATION, links.email_confirmation_link_mint)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
