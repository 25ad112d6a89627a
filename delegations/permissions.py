"""Who may see and manage a delegation (django-rules)."""

import rules

from accounts.permissions import is_chair_office, is_civil_society_coordinator


@rules.predicate
def is_focal_point(user, delegation) -> bool:
    if not user.is_authenticated or delegation is None:
        return False
    return delegation.focal_points.filter(pk=user.pk).exists()


@rules.predicate
def is_civil_society_delegation(user, delegation) -> bool:
    return delegation is not None and delegation.kind == "civil_society"


can_manage_delegation = is_chair_office | is_focal_point | (is_civil_society_coordinator & is_civil_society_delegation)

rules.add_perm("delegations.view_delegation", can_manage_delegation)
rules.add_perm("delegations.manage_delegation", can_manage_delegation)
rules.add_perm("delegations.view_civil_society", is_chair_office | is_civil_society_coordinator)
