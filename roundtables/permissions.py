"""Who may do what with meetings, roundtables and sessions (django-rules)."""

import rules

from accounts.permissions import is_chair_office


@rules.predicate
def is_session_rapporteur(user, session) -> bool:
    if not user.is_authenticated or session is None:
        return False
    return session.team_people.filter(person=user, role="rapporteur").exists()


rules.add_perm("roundtables.manage_meeting", is_chair_office)
rules.add_perm("roundtables.view_chair_dashboard", is_chair_office)
