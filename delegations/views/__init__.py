"""Thin views: read through selectors, write through services, check permissions with the rules
of delegations.permissions (an object the user may not see is a 404)."""

from delegations.views.administration import (
    delegation_create,
    delegation_edit,
    delegation_merge,
    delegation_reactivate,
    delegation_retire,
)
from delegations.views.decisions import (
    registration_approve,
    registration_detail,
    registration_reject,
    registration_withdraw,
)
from delegations.views.lists import participants, registration_export, registration_list
from delegations.views.manage import (
    bulk_approve,
    civil_society,
    delegation_detail,
    delegation_index,
    invitation_revoke,
    invite,
    quota,
)
from delegations.views.membership import (
    delegation_membership,
    focal_point_accept,
    focal_point_nominate,
    focal_point_revoke,
    meeting_membership,
    membership_set,
    nomination_revoke,
)
from delegations.views.registering import (
    invitation,
    my_registration,
    my_registration_change,
    my_registration_withdraw,
    register,
    register_delegations,
)

__all__ = [
    "bulk_approve",
    "civil_society",
    "delegation_create",
    "delegation_detail",
    "delegation_edit",
    "delegation_index",
    "delegation_membership",
    "delegation_merge",
    "delegation_reactivate",
    "delegation_retire",
    "focal_point_accept",
    "focal_point_nominate",
    "focal_point_revoke",
    "invitation",
    "invitation_revoke",
    "invite",
    "meeting_membership",
    "membership_set",
    "my_registration",
    "my_registration_change",
    "my_registration_withdraw",
    "nomination_revoke",
    "participants",
    "quota",
    "register",
    "register_delegations",
    "registration_approve",
    "registration_detail",
    "registration_export",
    "registration_list",
    "registration_reject",
    "registration_withdraw",
]
