"""Read the roles a person holds, as facts in the data."""

from dataclasses import dataclass, field

from django.urls import reverse

from accounts.models import User
from accounts.roles import CHAIR_OFFICE, CIVIL_SOCIETY_COORDINATOR


@dataclass
class Roles:
    chair_office: bool = False
    civil_society_coordinator: bool = False
    focal_point_of: list = field(default_factory=list)

    @property
    def any_staff_role(self) -> bool:
        return self.chair_office or self.civil_society_coordinator or bool(self.focal_point_of)


def user_roles(user: User) -> Roles:
    if not user.is_authenticated:
        return Roles()
    if not hasattr(user, "_gfmd_roles"):
        # The same cache django-rules' is_group_member() fills, so a page reads groups once.
        if not hasattr(user, "_group_names_cache"):
            user._group_names_cache = set(user.groups.values_list("name", flat=True))
        groups = user._group_names_cache

        user._gfmd_roles = Roles(
            chair_office=user.is_superuser or CHAIR_OFFICE in groups,
            civil_society_coordinator=CIVIL_SOCIETY_COORDINATOR in groups,
            focal_point_of=list(user.focal_point_of.order_by("name")),
        )
    return user._gfmd_roles


def landing_url(user: User) -> str:
    """The page each role starts from after signing in."""
    roles = user_roles(user)
    if roles.chair_office:
        return reverse("roundtables:chair_dashboard")
    if roles.focal_point_of:
        return reverse("delegations:detail", kwargs={"pk": roles.focal_point_of[0].pk})
    if roles.civil_society_coordinator:
        return reverse("delegations:civil_society")
    return reverse("accounts:dashboard")
