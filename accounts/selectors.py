"""Read the roles a person holds, as facts in the data."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q, StringAgg, Subquery, Value
from django.urls import reverse

from accounts.models import User
from accounts.roles import CHAIR_OFFICE, CIVIL_SOCIETY_COORDINATOR


@dataclass
class Roles:
    chair_office: bool = False
    civil_society_coordinator: bool = False
    focal_point_of: list = field(default_factory=list)
    # What the person has behind the menu's entries in the current meeting (see _menu_facts).
    co_chairs: bool = False
    works_on_papers: bool = False
    works_on_outcomes: bool = False

    @property
    def any_staff_role(self) -> bool:
        return self.chair_office or self.civil_society_coordinator or bool(self.focal_point_of)


GROUP_SEPARATOR = "\n"  # group names are single lines


def _menu_facts(user: User) -> dict:
    """The person's group names and what they have behind the menu's entries, in one query on
    their own row (the query that read the groups alone before), so every page keeps its count.

    The conditions mirror the selectors behind each page, in the current meeting:
    roundtables.selectors.sessions_co_chaired_by ("Sessions I co-chair"), papers.selectors.
    sessions_of_person ("My papers") and outcomes.selectors.sessions_for_outcomes ("My outcomes");
    portal/tests/test_menu.py checks that they agree. The models are looked up by name: the other
    apps' selectors import this module."""
    current = Q(session__meeting__is_current=True)
    me = OuterRef("pk")
    team = apps.get_model("roundtables", "SessionPerson").objects.filter(current, person=me)
    team_delegations = apps.get_model("roundtables", "SessionDelegation").objects.filter(
        current, delegation__focal_points=me
    )
    authored = apps.get_model("papers", "Paper").objects.filter(current, authors=me)
    groups = (
        Group.objects.filter(user=me)
        .order_by()
        .values("user")
        .annotate(names=StringAgg("name", Value(GROUP_SEPARATOR)))
        .values("names")
    )
    return (
        User.objects.filter(pk=user.pk)
        .annotate(
            group_names=Subquery(groups),
            co_chairs=Exists(team.filter(role="co_chair_rep")) | Exists(team_delegations.filter(role="co_chair")),
            works_on_papers=Exists(team) | Exists(team_delegations) | Exists(authored),
            works_on_outcomes=Exists(team.filter(role__in=["rapporteur", "co_chair_rep"], session__kind="roundtable"))
            | Exists(team_delegations.filter(role="co_chair", session__kind="roundtable")),
        )
        .values("group_names", "co_chairs", "works_on_papers", "works_on_outcomes")
        .get()
    )


def _facts(user: User) -> dict:
    if not hasattr(user, "_gfmd_facts"):
        user._gfmd_facts = _menu_facts(user)
        if not hasattr(user, "_group_names_cache"):  # django-rules' name for the same cache
            user._group_names_cache = set(filter(None, (user._gfmd_facts["group_names"] or "").split(GROUP_SEPARATOR)))
    return user._gfmd_facts


def group_names(user: User) -> set[str]:
    """The names of the person's groups, read once per request (with the menu's facts)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_group_names_cache"):
        _facts(user)
    return user._group_names_cache


def user_roles(user: User) -> Roles:
    if not user.is_authenticated:
        return Roles()
    if not hasattr(user, "_gfmd_roles"):
        facts = _facts(user)
        groups = group_names(user)
        user._gfmd_roles = Roles(
            chair_office=user.is_superuser or CHAIR_OFFICE in groups,
            civil_society_coordinator=CIVIL_SOCIETY_COORDINATOR in groups,
            focal_point_of=list(user.focal_point_of.order_by("name")),
            co_chairs=facts["co_chairs"],
            works_on_papers=facts["works_on_papers"],
            works_on_outcomes=facts["works_on_outcomes"],
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
