from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Session outcomes")

    def ready(self) -> None:
        from activity.registry import register_actions
        from outcomes import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from outcomes.activity_labels import ACTIONS
        from outcomes.selectors import published_outcome_stamp
        from roundtables.programme.cache import register_page_stamp

        # The public session page shows the published outcome: its ETag follows it.
        register_page_stamp(published_outcome_stamp)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
        _register_menu_facts()


def _register_menu_facts() -> None:
    from accounts.menu import register_menu_fact
    from outcomes.selectors import drafts_or_signs_a_current_outcome

    register_menu_fact("works_on_outcomes", drafts_or_signs_a_current_outcome)  # "My outcomes"
