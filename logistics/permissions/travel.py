"""travel: rules (django-rules).

A participant enters their own travel plan and books a room for their own registration while it is
approved; the Chair's office of the meeting manages the partner hotels and their room blocks; the
meeting's Chair's office and the troika's read the arrivals list and its exports. The services check
these on the rows they lock, with the state the rules cannot see (the meeting closed, the block full,
the deadline passed)."""

import rules

from delegations.permissions import is_approved, is_own_registration
from roundtables.permissions import manages_meeting_of, reads_meeting_records_of

# On a registration: enter its arrival and departure.
PLAN_TRAVEL = "logistics.plan_travel"
# On a registration: book a room of a partner hotel's block for it.
BOOK_ROOM = "logistics.book_room"
# On a booking: cancel it (its participant, or the Chair's office of its meeting).
CANCEL_BOOKING = "logistics.cancel_booking"
# On a meeting (or one of its hotels or blocks): add and change partner hotels and room blocks.
MANAGE_HOTELS = "logistics.manage_hotels"
# On a meeting: read its hotels' bookings, the arrivals list and their exports (PDF, XLSX).
VIEW_TRAVEL = "logistics.view_travel"


@rules.predicate
def is_own_booking(user, booking) -> bool:
    return booking is not None and is_own_registration.test(user, booking.registration)


rules.add_perm(PLAN_TRAVEL, is_own_registration & is_approved)
rules.add_perm(BOOK_ROOM, is_own_registration & is_approved)
rules.add_perm(CANCEL_BOOKING, is_own_booking | manages_meeting_of)
rules.add_perm(MANAGE_HOTELS, manages_meeting_of)
rules.add_perm(VIEW_TRAVEL, reads_meeting_records_of)

# The "who" half of each rule: a person for whom it can never hold gets PermissionDenied; a person it
# holds for in another state (a pending registration) gets the service's message instead.
WHO = {PLAN_TRAVEL: is_own_registration, BOOK_ROOM: is_own_registration}
