from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundtablesConfig(AppConfig):
    name = "roundtables"
    verbose_name = _("Meetings and roundtables")

    def ready(self) -> None:
        from activity.registry import register_actions
        from roundtables import (
            mails,  # noqa: F401  (registers its mail templates)
            permissions,  # noqa: F401  (registers the rules)
        )
        from roundtables.activity_labels import ACTIONS

        register_actions(ACTIONS)  # the activity log names this app's actions in words
        from mailings.links import register_link_provider
        from roundtables.services.staff import MEETING_STAFF_INVITATION_LINK, meeting_staff_invitation_link_mint

        register_link_provider(MEETING_STAFF_INVITATION_LINK, meeting_staff_invitation_link_mint)
        from activity.services import register_meeting_note
        from roundtables.editions import correction_note

        register_meeting_note(correction_note)  # a write during a correction names it in the log
        from mailings.services import register_meeting_guard
        from roundtables.editions import ensure_open

        register_meeting_guard(ensure_open)  # no new mailing or sending for a closed meeting
        _register_menu_facts()


def _register_menu_facts() -> None:
    from accounts.menu import register_menu_fact
    from roundtables.permissions import (
        chair_meeting_ids,
        chair_staff_of_open_meeting,
        coordinated_meeting_ids,
        coordinates_current_meeting,
        translates_current_meeting,
        troika_meeting_ids,
    )
    from roundtables.selectors import co_chairs_a_current_session

    register_menu_fact("co_chairs", co_chairs_a_current_session)  # "Sessions I co-chair"
    # The Chair's office's menu and global pages (accounts.permissions.is_chair_office).
    register_menu_fact("chair_staff", chair_staff_of_open_meeting)
    # Which meetings the person runs and reads (roundtables.permissions), read in the same query.
    register_menu_fact("chair_meetings", chair_meeting_ids)
    register_menu_fact("troika_meetings", troika_meeting_ids)
    # The civil-society coordinator's meetings (roundtables.permissions.coordinates_civil_society_of), and
    # whether they coordinate the current one (the header's "Civil society", the landing page).
    register_menu_fact("coordinated_meetings", coordinated_meeting_ids)
    register_menu_fact("civil_society_coordinator", coordinates_current_meeting)
    # A translator of the current meeting: the header's "Translations" entry (portal.translations).
    register_menu_fact("translates_current_meeting", translates_current_meeting)
