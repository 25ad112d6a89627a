"""Every write on delegations and registrations: one function per state transition, each in one
transaction that validates, saves, logs the activity and queues the mails.

Places and seats are decided by the database: a service that takes a place or a seat locks the
delegation row, then the chosen sessions' rows (in primary-key order, so two services never wait
on each other in a cycle), and only then counts what is taken. On PostgreSQL the locks are
SELECT ... FOR UPDATE; SQLite runs each transaction with BEGIN IMMEDIATE (settings), which
serialises writers the same way."""

from delegations.services.administration import (
    EditConflict,
    delegation_create,
    delegation_merge,
    delegation_reactivate,
    delegation_retire,
    delegation_update,
)
from delegations.services.decisions import (
    registration_approve,
    registration_reject,
    registration_withdraw,
    registrations_approve_many,
)
from delegations.services.invitations import (
    invitation_by_token,
    invitation_create,
    invitation_link_mint,
    invitation_revoke,
)
from delegations.services.membership import (
    focal_point_accept,
    focal_point_nominate,
    focal_point_nomination_revoke,
    focal_point_revoke,
    membership_set,
    nomination_by_token,
)
from delegations.services.quotas import quota_set
from delegations.services.registrations import registration_change, registration_create

__all__ = [
    "EditConflict",
    "delegation_create",
    "delegation_merge",
    "delegation_reactivate",
    "delegation_retire",
    "delegation_update",
    "focal_point_accept",
    "focal_point_nominate",
    "focal_point_nomination_revoke",
    "focal_point_revoke",
    "invitation_by_token",
    "invitation_create",
    "invitation_link_mint",
    "invitation_revoke",
    "membership_set",
    "nomination_by_token",
    "quota_set",
    "registration_approve",
    "registration_change",
    "registration_create",
    "registration_reject",
    "registration_withdraw",
    "registrations_approve_many",
]
