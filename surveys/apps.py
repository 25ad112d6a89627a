from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from mailings.links import register_link_provider
        from surveys import permissions  # noqa: F401  (registers the rules)
        from surveys.services.links import invitation_link_mint

        # Survey mails carry a personal link, created when each mail is sent.
        register_link_provider("surveys.invitation", invitation_link_mint)
