"""Who may link a session to the recommendations it builds on (part "tracker", django-rules).

The Chair's office of the session's meeting (its staff, or portal support), while the meeting's record
is open (or under a correction the Chair's office opened): "who & when". The service checks the "who"
half first (PermissionDenied: 403) and then `roundtables.editions.ensure_open` on the meeting read afresh,
so a closed meeting's refusal comes as a message."""

import rules

from roundtables.editions import may_write
from roundtables.permissions import manages_meeting_of


def _session(obj):
    # The rules take a Session, or one of its links (SessionRecommendation).
    return getattr(obj, "session", obj)


@rules.predicate
def manages_the_sessions_meeting(user, obj) -> bool:
    return obj is not None and manages_meeting_of(user, _session(obj))


@rules.predicate
def sessions_meeting_is_writable(user, obj) -> bool:
    return obj is not None and may_write(_session(obj).meeting, user)


# Who: the page answers 403 to anyone else.
LINK_WHO = "followup.manage_session_links"
# Who & when: the page offers the form and the remove buttons only then.
LINK = "followup.link_session_recommendation"

rules.add_perm(LINK_WHO, manages_the_sessions_meeting)
rules.add_perm(LINK, manages_the_sessions_meeting & sessions_meeting_is_writable)
