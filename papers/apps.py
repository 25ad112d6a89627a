from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = _("Background papers")

    def ready(self) -> None:
        from activity.registry import register_actions
        from papers import (  # noqa: F401  (registers the rules and signal receivers)
            mails,
            permissions,
            signals,
        )
        from papers.activity_labels import ACTIONS
        from papers.selectors import background_paper_count, published_papers_stamp
        from roundtables.programme.cache import register_page_stamp
        from roundtables.session_counts import register_session_count

        # The public session page lists the session's published papers: its ETag follows them.
        register_page_stamp(published_papers_stamp)
        # The Chair's office dashboard shows which sessions still lack a background paper.
        register_session_count("paper_count", background_paper_count)
        register_actions(ACTIONS)  # the activity log names this app's actions in words
        _register_menu_facts()


def _register_menu_facts() -> None:
    from accounts.menu import register_menu_fact
    from papers.selectors import works_on_current_papers

    register_menu_fact("works_on_papers", works_on_current_papers)  # "My papers"
