"""Read the roles a person holds, as facts in the data."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import connections, router
from django.db.models import BooleanField, F, OuterRef, StringAgg, Subquery, Value
from django.urls import reverse

from accounts.menu import menu_fact_expressions, registered_menu_facts
from accounts.models import User
from accounts.roles import CIVIL_SOCIETY_COORDINATOR, SUPPORT


@dataclass
class Roles:
    chair_office: bool = False
    # In the current meeting (as focal_point_of): the global group, or named for it (the fact roundtables
    # registers). The rules ask per meeting: roundtables.permissions.coordinates_civil_society_of.
    civil_society_coordinator: bool = False
    # The delegations the person is focal point of in the current meeting (the navigation bar, landing page)...
    focal_point_of: list = field(default_factory=list)
    # ...and in every meeting, by meeting id: a focal point's role belongs to one meeting (a 2010 focal
    # point has no rights on 2011 until nominated for it and accepted).
    focal_points_by_meeting: dict[int, list] = field(default_factory=dict)
    # What the person has behind the menu's entries, by the names the apps registered (accounts.menu).
    menu: dict[str, bool] = field(default_factory=dict)

    def focal_point_in(self, meeting) -> list:
        """The delegations the person is focal point of in this meeting (a Meeting or its id)."""
        return self.focal_points_by_meeting.get(getattr(meeting, "pk", meeting), [])

    @property
    def any_staff_role(self) -> bool:
        return self.chair_office or self.civil_society_coordinator or bool(self.focal_point_of)


GROUP_SEPARATOR = "\n"  # group names are single lines


def _facts_query(user: User):
    groups = (
        Group.objects.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(names=StringAgg("name", Value(GROUP_SEPARATOR)))
        .values("names")
    )
    facts = menu_fact_expressions(user)
    return User.objects.filter(pk=user.pk).annotate(group_names=Subquery(groups), **facts).values("group_names", *facts)


# The facts' query is the same for every person but their id, and building and compiling its dozen
# subqueries costs about ten times what running it does (9 ms against 1 ms on a signed-in page, measured by
# `make bench`). So it is compiled once per process and database, for a stand-in person whose id no row has,
# and run with the person's id in its place. The registered facts build their expressions from `user.pk`
# alone; accounts/tests/test_menu_facts.py checks the compiled query answers what a fresh one does.
_STAND_IN_ID = -2_010_731
_compiled: dict[tuple, tuple[str, list, list[tuple[str, bool]]]] = {}


def _compiled_facts_query(alias: str) -> tuple[str, list, list[tuple[str, bool]]]:
    """(SQL, parameters with the stand-in's id, [(column, is it a boolean)]) of the facts' query."""
    key = (alias, *registered_menu_facts())
    if key not in _compiled:
        compiler = _facts_query(User(pk=_STAND_IN_ID)).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        # The columns in the order the SQL selects them, and which to read as booleans (SQLite answers 0/1).
        columns = [
            (name, isinstance(expression.output_field, BooleanField)) for expression, _sql, name in compiler.select
        ]
        _compiled[key] = (sql, list(params), columns)
    return _compiled[key]


def _menu_facts(user: User) -> dict:
    """The person's group names and what they have behind the menu's entries (the facts the apps
    registered in accounts.menu), in one query on their own row (the query that read the groups alone
    before), so every page keeps its count. portal/tests/test_menu.py checks that the facts agree with
    the pages the entries open."""
    alias = router.db_for_read(User)
    sql, params, columns = _compiled_facts_query(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [user.pk if param == _STAND_IN_ID else param for param in params])
        row = cursor.fetchone()
    if row is None:
        raise User.DoesNotExist
    return {
        name: (bool(value) if value is not None else None) if boolean else value
        for (name, boolean), value in zip(columns, row, strict=True)
    }


# Raised by facts_changed(): a person object that read its facts before reads them again. Within one request
# nothing changes them but a write, so a page reads them once.
_generation = [0]
_CACHES = ("_gfmd_facts", "_gfmd_roles", "_group_names_cache")


def facts_changed() -> None:
    """Something a menu fact reads was written (a meeting role granted or revoked): the person objects
    that read their facts earlier (a test's fixture, the actor of a service) read them again."""
    _generation[0] += 1


def _fresh(user: User) -> None:
    if getattr(user, "_gfmd_facts_generation", _generation[0]) != _generation[0]:
        for name in _CACHES:
            user.__dict__.pop(name, None)
        del user._gfmd_facts_generation


def fact(user: User, name: str):
    """A registered fact's value as the query read it (not only as the menu's boolean)."""
    if not user.is_authenticated:
        return None
    return _facts(user).get(name)


def _facts(user: User) -> dict:
    _fresh(user)
    if not hasattr(user, "_gfmd_facts"):
        user._gfmd_facts_generation = _generation[0]
        user._gfmd_facts = _menu_facts(user)
        if not hasattr(user, "_group_names_cache"):  # django-rules' name for the same cache
            user._group_names_cache = set(filter(None, (user._gfmd_facts["group_names"] or "").split(GROUP_SEPARATOR)))
    return user._gfmd_facts


def group_names(user: User) -> set[str]:
    """The names of the person's groups, read once per request (with the menu's facts)."""
    if not user.is_authenticated:
        return set()
    _fresh(user)
    if not hasattr(user, "_group_names_cache"):
        _facts(user)
    return user._group_names_cache


def _focal_point_roles(user: User) -> dict:
    """The person's focal-point roles in every meeting, in one query (delegations.FocalPoint rows,
    reached through the reverse relation: accounts sits below delegations and imports nothing of it)."""
    by_meeting: dict[int, list] = {}
    current = []
    rows = user.focal_point_roles.select_related("delegation").annotate(current=F("meeting__is_current"))
    for row in rows.order_by("delegation__name", "pk"):
        by_meeting.setdefault(row.meeting_id, []).append(row.delegation)
        if row.current:
            current.append(row.delegation)
    return {"focal_point_of": current, "focal_points_by_meeting": by_meeting}


def user_roles(user: User) -> Roles:
    if not user.is_authenticated:
        return Roles()
    _fresh(user)
    if not hasattr(user, "_gfmd_roles"):
        facts = _facts(user)
        groups = group_names(user)
        user._gfmd_roles = Roles(
            # Support, or staff of an open meeting (the fact roundtables registers): accounts.permissions.
            chair_office=user.is_superuser or SUPPORT in groups or bool(facts.get("chair_staff")),
            civil_society_coordinator=CIVIL_SOCIETY_COORDINATOR in groups
            or bool(facts.get("civil_society_coordinator")),
            **_focal_point_roles(user),
            menu={name: bool(value) for name, value in facts.items() if name != "group_names"},
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
