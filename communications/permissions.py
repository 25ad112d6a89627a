"""Who may write to whom, and when (django-rules).

The Chair's office of the meeting (roundtables.permissions.manages_meeting_of) writes to any audience; a
focal point of the meeting writes only to their own delegation's approved participants. A composed mailing
is edited, tested and put in the outbox only while it is a draft; the services check the same rules on the
locked row, and roundtables.editions.ensure_open refuses every write to a closed meeting."""

import rules

from communications.models import Audience, ComposedMailing
from delegations.models import FocalPoint
from roundtables.permissions import manages_meeting_of, meeting_id_of


def focal_point_delegation_ids(user, meeting) -> set[int]:
    """The delegations `user` is focal point of in `meeting` (a meeting, its id, or an object of it)."""
    meeting_id = meeting if isinstance(meeting, int) else meeting_id_of(meeting)
    if user is None or not user.is_authenticated or meeting_id is None:
        return set()
    return set(FocalPoint.objects.filter(user=user.pk, meeting_id=meeting_id).values_list("delegation_id", flat=True))


@rules.predicate
def is_focal_point_of_meeting(user, obj) -> bool:
    """A focal point of some delegation in the object's meeting."""
    return bool(focal_point_delegation_ids(user, obj))


@rules.predicate
def writes_for_own_delegation(user, composed) -> bool:
    """A mailing to one delegation's participants, and the user is that delegation's focal point."""
    return (
        isinstance(composed, ComposedMailing)
        and composed.audience == Audience.DELEGATION
        and composed.delegation_id in focal_point_delegation_ids(user, composed.meeting_id)
    )


@rules.predicate
def is_draft(user, composed) -> bool:
    return isinstance(composed, ComposedMailing) and composed.state == ComposedMailing.State.DRAFT


# On a meeting: open the composer and the list of its composed mailings.
rules.add_perm("communications.compose", manages_meeting_of | is_focal_point_of_meeting)
# On a meeting: choose any audience (everyone else: their own delegation only).
rules.add_perm("communications.write_to_any_audience", manages_meeting_of)
# On a composed mailing.
rules.add_perm("communications.view_composed", manages_meeting_of | writes_for_own_delegation)
rules.add_perm("communications.edit_composed", (manages_meeting_of | writes_for_own_delegation) & is_draft)
rules.add_perm("communications.send_composed", (manages_meeting_of | writes_for_own_delegation) & is_draft)
