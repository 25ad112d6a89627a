from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Session outcomes")

    def ready(self) -> None:
        from outcomes import permissions  # noqa: F401  (registers the rules)
        from outcomes.selectors import published_outcome_stamp
        from roundtables.programme.cache import register_page_stamp

        # The public session page shows the published outcome: its ETag follows it.
        register_page_stamp(published_outcome_stamp)
