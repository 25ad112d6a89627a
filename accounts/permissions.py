"""Predicates on the user's own roles; other apps combine them in their permissions.py.

Every app declares its object permissions with django-rules in its own permissions.py,
imported by its AppConfig.ready(); views check them with `user.has_perm(name, obj)`."""

import rules

from accounts.roles import CHAIR_OFFICE, CIVIL_SOCIETY_COORDINATOR

is_chair_office = rules.is_group_member(CHAIR_OFFICE) | rules.is_superuser
is_civil_society_coordinator = rules.is_group_member(CIVIL_SOCIETY_COORDINATOR)

rules.add_perm("accounts.edit_own_profile", rules.is_authenticated)
