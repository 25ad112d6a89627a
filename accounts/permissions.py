"""Predicates on the user's own roles; other apps combine them in their permissions.py.

Every app declares its object permissions with django-rules in its own permissions.py,
imported by its AppConfig.ready(); views check them with `user.has_perm(name, obj)`."""

import rules

from accounts.roles import CHAIR_OFFICE, CIVIL_SOCIETY_COORDINATOR
from accounts.selectors import group_names


# Groups are read by accounts.selectors.group_names, in the one query that also answers the menu's
# questions, so a page that checks a role and shows the menu reads them once.
@rules.predicate
def is_chair_office(user) -> bool:
    return bool(user is not None and user.is_authenticated) and (user.is_superuser or CHAIR_OFFICE in group_names(user))


@rules.predicate
def is_civil_society_coordinator(user) -> bool:
    return bool(user is not None and user.is_authenticated) and CIVIL_SOCIETY_COORDINATOR in group_names(user)


rules.add_perm("accounts.edit_own_profile", rules.is_authenticated)
# The Chair's office runs the portal's people (portal.people): searches them, reads their roles,
# deactivates and reactivates accounts, invites and revokes its own members.
rules.add_perm("accounts.administer_people", is_chair_office)
