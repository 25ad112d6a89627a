"""Who may see and manage delegations and registrations (django-rules).

Deciding on a registration follows the delegation's kind: a state's focal points decide for
their state, the Chair's office for observer organisations, the civil-society coordinator for
civil-society organisations; the Chair's office decides for every delegation and may reverse a
decision already taken. Views refuse an object the user may not see with 404.

The rules of a change combine who acts with the state of the object (approve = decides for the
delegation and the registration is pending, or the Chair's office reverses a rejection). The
services check them on the row they lock, and the pages show a button only where the same rule
holds, so the button shown and the action allowed cannot disagree."""

from dataclasses import dataclass

import rules

from accounts.permissions import is_chair_office
from accounts.selectors import user_roles
from delegations.models import Delegation, Registration
from roundtables.models import Meeting
from roundtables.permissions import coordinates_civil_society_of, manages_meeting_of, reads_meeting_records_of


@dataclass(frozen=True)
class InMeeting:
    """A delegation as it stands in one meeting: the object of the rules whose answer depends on the
    meeting (a focal point's role is per meeting). A bare Delegation means the current meeting."""

    delegation: Delegation
    meeting_id: int | None

    @classmethod
    def of(cls, delegation: Delegation, meeting) -> "InMeeting":
        return cls(delegation, getattr(meeting, "pk", meeting))


def _delegation(obj) -> Delegation | None:
    return obj.delegation if isinstance(obj, InMeeting) else obj


@rules.predicate
def is_focal_point(user, obj) -> bool:
    """Focal point of the delegation in the meeting (InMeeting), or in the current meeting (a Delegation)."""
    delegation = _delegation(obj)
    if not user.is_authenticated or delegation is None:
        return False
    # The focal-point roles are read once per request (and shared with the navigation bar).
    roles = user_roles(user)
    held = roles.focal_point_in(obj.meeting_id) if isinstance(obj, InMeeting) else roles.focal_point_of
    return any(d.pk == delegation.pk for d in held)


@rules.predicate
def is_focal_point_of_any_delegation(user, meeting=None) -> bool:
    """Focal point of some delegation in that meeting (a page that names its meeting), or in the
    current meeting (the menu, which asks without one)."""
    if not user.is_authenticated:
        return False
    roles = user_roles(user)
    return bool(roles.focal_point_in(meeting) if isinstance(meeting, Meeting) else roles.focal_point_of)


@rules.predicate
def is_civil_society_delegation(user, delegation) -> bool:
    delegation = _delegation(delegation)
    return delegation is not None and delegation.kind == "civil_society"


@rules.predicate
def is_state_delegation(user, delegation) -> bool:
    delegation = _delegation(delegation)
    return delegation is not None and delegation.kind == "state"


# The civil-society coordinator's part is per meeting (coordinates_civil_society_of): named for the
# InMeeting's or the registration's meeting, the current one for a bare delegation or no object.
# A delegation persists across meetings: the Chair's office part of these rules is the global one
# (accounts.permissions.is_chair_office). A registration belongs to a meeting: the Chair's office part of
# its rules is that meeting's (roundtables.permissions), below.
delegation_people = is_focal_point | (coordinates_civil_society_of & is_civil_society_delegation)
delegation_deciders = (is_focal_point & is_state_delegation) | (
    coordinates_civil_society_of & is_civil_society_delegation
)
can_manage_delegation = is_chair_office | delegation_people
can_decide_for_delegation = is_chair_office | delegation_deciders

rules.add_perm("delegations.view_delegation", can_manage_delegation)
rules.add_perm("delegations.manage_delegation", can_manage_delegation)
rules.add_perm("delegations.invite_to_delegation", can_manage_delegation)
rules.add_perm("delegations.decide_for_delegation", can_decide_for_delegation)
# A quota is a meeting's: its Chair's office sets it (InMeeting names the meeting; a bare delegation, or no
# object, asks "some Chair's office").
rules.add_perm("delegations.set_quota", manages_meeting_of)
# The civil-society list asks with its meeting: a 2010 coordinator is refused 2011's until named for it.
rules.add_perm("delegations.view_civil_society", is_chair_office | coordinates_civil_society_of)
rules.add_perm("delegations.list_delegations", is_chair_office)
# Creating, editing, retiring and merging delegations: the Chair's office only, never a focal point.
rules.add_perm("delegations.administer_delegations", is_chair_office)
# The list of registrations (and its exports): each person sees only the delegations they manage.
rules.add_perm(
    "delegations.list_registrations",
    is_chair_office | coordinates_civil_society_of | is_focal_point_of_any_delegation,
)


# Registration objects: the rules read the registration's delegation.
@rules.predicate
def is_own_registration(user, registration) -> bool:
    return user.is_authenticated and registration is not None and registration.person_id == user.pk


@rules.predicate
def manages_registration_delegation(user, registration) -> bool:
    """Reads the registration: its delegation's people in its meeting, or the troika's Chair's office."""
    return registration is not None and (
        delegation_people.test(user, InMeeting(registration.delegation, registration.meeting_id))
        or reads_meeting_records_of(user, registration)
    )


@rules.predicate
def decides_registration_delegation(user, registration) -> bool:
    """Decides on it: its delegation's deciders in its meeting, or the Chair's office of its meeting."""
    return registration is not None and (
        delegation_deciders.test(user, InMeeting(registration.delegation, registration.meeting_id))
        or manages_meeting_of(user, registration)
    )


@rules.predicate
def is_active_registration(user, registration) -> bool:
    return registration is not None and registration.is_active


@rules.predicate
def is_pending(user, registration) -> bool:
    return registration is not None and registration.status == Registration.Status.PENDING


@rules.predicate
def is_approved(user, registration) -> bool:
    return registration is not None and registration.status == Registration.Status.APPROVED


@rules.predicate
def is_rejected(user, registration) -> bool:
    return registration is not None and registration.status == Registration.Status.REJECTED


@rules.predicate
def is_open_for_registration(user, meeting) -> bool:
    """People register, and change their registration, only while the meeting's registration is open."""
    return meeting is not None and meeting.status == Meeting.Status.OPEN


rules.add_perm("delegations.view_registration", is_own_registration | manages_registration_delegation)
rules.add_perm("delegations.decide_registration", decides_registration_delegation)
rules.add_perm("delegations.override_decision", manages_meeting_of)
rules.add_perm("delegations.register_for_meeting", is_open_for_registration)
# A decision already taken is reversed only by the Chair's office.
rules.add_perm(
    "delegations.approve_registration",
    (decides_registration_delegation & is_pending) | (manages_meeting_of & is_rejected),
)
rules.add_perm(
    "delegations.reject_registration",
    (decides_registration_delegation & is_pending) | (manages_meeting_of & is_approved),
)
rules.add_perm("delegations.change_registration", is_own_registration & is_active_registration)
# An approved head stays the head: the role changes only while the registration is pending.
rules.add_perm("delegations.change_registration_role", is_own_registration & is_pending)
rules.add_perm(
    "delegations.withdraw_registration",
    is_active_registration & (is_own_registration | decides_registration_delegation),
)

# Membership per meeting (Steering Group, Friends of the Forum, focal points): the Chair's office only;
# accepting a nomination is the invited person's (checked on the nomination's address in the service).
# The Chair's office part is the meeting's (InMeeting carries it; without an object, "some Chair's office").
rules.add_perm("delegations.administer_membership", manages_meeting_of)
