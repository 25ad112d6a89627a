"""Predicates on the user's own roles; other apps combine them in their permissions.py.

Every app declares its object permissions with django-rules in its own permissions.py,
imported by its AppConfig.ready(); views check them with `user.has_perm(name, obj)`."""

import rules

from accounts.roles import CIVIL_SOCIETY_COORDINATOR, SUPPORT
from accounts.selectors import group_names, user_roles


# Groups are read by accounts.selectors.group_names, in the one query that also answers the menu's
# questions, so a page that checks a role and shows the menu reads them once.
@rules.predicate
def is_support(user) -> bool:
    """Portal support (or a superuser): the operators, with the Chair's office's rights on every meeting."""
    return bool(user is not None and user.is_authenticated) and (user.is_superuser or SUPPORT in group_names(user))


@rules.predicate
def is_chair_office(user) -> bool:
    """Works in a Chair's office now: portal support, or staff of a meeting whose record is not closed
    (the menu fact "chair_staff" that roundtables registers, read in the menu's one query).

    Only for pages that are truly global: the Chair's office's dashboard and the people administration
    across meetings (delegations, accounts). Everything a meeting holds is checked per meeting, on the
    object (roundtables.permissions). An outgoing Chair whose meeting is closed keeps its read access
    there, but no longer administers the portal's people."""
    if user is None or not user.is_authenticated:
        return False
    return user_roles(user).chair_office


@rules.predicate
def is_civil_society_coordinator(user) -> bool:
    return bool(user is not None and user.is_authenticated) and CIVIL_SOCIETY_COORDINATOR in group_names(user)


rules.add_perm("accounts.edit_own_profile", rules.is_authenticated)
# The Chair's office runs the portal's people (portal.people): searches them, reads their roles,
# deactivates and reactivates accounts, invites and revokes its own members.
rules.add_perm("accounts.administer_people", is_chair_office)
# Portal support invites and removes its own members (/chair/staff/); a meeting's Chair's office staff are
# invited on that meeting's people page (roundtables).
rules.add_perm("accounts.administer_support", is_support)
