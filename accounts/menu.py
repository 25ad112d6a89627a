"""What the header menu needs to know about a person, without accounts knowing the apps behind it.

The menu shows an entry ("Sessions I co-chair", "My papers", "My outcomes") only when the person has
something behind it. accounts sits below the apps that know this, so each of them registers, in its
AppConfig.ready(), a fact under a name:
`register_menu_fact("works_on_papers", factory)`, where `factory(user)` returns a boolean expression
(an `Exists(...)` built from the app's own selectors, so the menu and the page it opens agree).
accounts.selectors reads every registered fact in the one query that reads the person's groups, so the
menu adds no query to any page; templates read them as `roles.menu.<name>`.
"""

from collections.abc import Callable

from django.db.models import Expression

MenuFact = Callable[[object], Expression]

_menu_facts: dict[str, MenuFact] = {}


def register_menu_fact(name: str, factory: MenuFact) -> MenuFact:
    if name == "group_names":  # read in the same query (accounts.selectors)
        raise ValueError("group_names is not a menu fact's name")
    _menu_facts[name] = factory
    return factory


def menu_fact_expressions(user) -> dict[str, Expression]:
    """The registered facts for this person, as keyword arguments for QuerySet.annotate()."""
    return {name: factory(user) for name, factory in _menu_facts.items()}


def registered_menu_facts() -> tuple[str, ...]:
    """The facts' names (what names the shape of the query that reads them)."""
    return tuple(_menu_facts)
