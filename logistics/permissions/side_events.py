"""side_events: rules (django-rules), each "who & when".

- Propose: a focal point of a delegation in the meeting, or an approved participant of an observer or
  civil-society organisation (logistics.selectors.side_events.proposing_delegation). A closed meeting's
  record is read-only (the services' ensure_open).
- Withdraw: the proposer, while the side event is proposed or accepted.
- Review (accept, decline): the meeting's Chair's office (roundtables.manage_meeting). Accepting works on a
  proposed side event and moves an accepted one; declining works on a proposed one.
- Register: an approved participant of the meeting, for an accepted side event with a capacity."""

import rules

from logistics.models import SideEvent
from logistics.selectors.side_events import is_approved_participant, proposing_delegation
from roundtables.editions import MANAGE_MEETING


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


@rules.predicate
def may_propose_for(user, meeting) -> bool:
    return _signed_in(user) and proposing_delegation(user, meeting) is not None


@rules.predicate
def is_proposer(user, side_event) -> bool:
    return _signed_in(user) and side_event is not None and side_event.proposed_by_id == user.pk


@rules.predicate
def reviews_side_events(user, obj) -> bool:
    meeting = getattr(obj, "meeting", obj)
    return _signed_in(user) and meeting is not None and user.has_perm(MANAGE_MEETING, meeting)


@rules.predicate
def is_withdrawable(user, side_event) -> bool:
    return side_event.status in (SideEvent.Status.PROPOSED, SideEvent.Status.ACCEPTED)


@rules.predicate
def is_acceptable(user, side_event) -> bool:
    return side_event.status in (SideEvent.Status.PROPOSED, SideEvent.Status.ACCEPTED)


@rules.predicate
def is_proposed(user, side_event) -> bool:
    return side_event.status == SideEvent.Status.PROPOSED


@rules.predicate
def is_participant(user, side_event) -> bool:
    return is_approved_participant(user, side_event.meeting)


@rules.predicate
def has_own_registration(user, side_event) -> bool:
    return side_event.status == SideEvent.Status.ACCEPTED and side_event.registration_capacity is not None


# The meeting as object.
rules.add_perm("logistics.propose_side_event", may_propose_for)
rules.add_perm("logistics.review_side_events", reviews_side_events)
# The side event as object: who, and who & when.
rules.add_perm("logistics.view_side_event", is_proposer | reviews_side_events)
rules.add_perm("logistics.withdraw_side_event", is_proposer & is_withdrawable)
rules.add_perm("logistics.accept_side_event", reviews_side_events & is_acceptable)
rules.add_perm("logistics.decline_side_event", reviews_side_events & is_proposed)
rules.add_perm("logistics.register_side_event", is_participant & has_own_registration)

WHO = {
    "logistics.propose_side_event": may_propose_for,
    "logistics.withdraw_side_event": is_proposer,
    "logistics.accept_side_event": reviews_side_events,
    "logistics.decline_side_event": reviews_side_events,
    "logistics.register_side_event": is_participant,
}
