"""Items other apps add to the public programme page beside the published sessions (side events).

A higher app registers a provider (in its AppConfig.ready() or wiring): `heading` names its section,
`items(meeting)` gives its items in the active language, and `stamp(meeting)` a query expression (on the
release's row: `meeting` is an OuterRef to its meeting id) whose value changes whenever what `items`
shows changes. The stamps are read with the release in its one query (`cache.release_for`) and join the
programme pages' ETag and cache key, so a change of an item is a new page at once; a stamp that reads
None means the provider has nothing to show, and its `items` is not asked (no query)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Expression


@dataclass(frozen=True)
class ProgrammeExtra:
    """One item as the programme shows it (already in the reader's language)."""

    label: str  # e.g. "Side event"
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str = ""
    organisers: str = ""
    description: str = ""
    uid: str = ""  # an iCalendar UID, stable across changes


@dataclass(frozen=True)
class ExtraProvider:
    key: str
    heading: object  # a (lazy) translated string
    items: Callable[[object], list[ProgrammeExtra]]
    stamp: Callable[[Expression], Expression]


@dataclass
class ExtraSection:
    key: str
    heading: str
    items: list[ProgrammeExtra] = field(default_factory=list)


_providers: dict[str, ExtraProvider] = {}


def register_programme_extra(provider: ExtraProvider) -> ExtraProvider:
    _providers[provider.key] = provider
    return provider


def providers() -> list[ExtraProvider]:
    return list(_providers.values())


def stamp_expressions(meeting: Expression) -> dict[str, Expression]:
    return {f"extra_stamp_{provider.key}": provider.stamp(meeting) for provider in _providers.values()}


def programme_extras(meeting, stamps: dict[str, str] | None = None) -> list[ExtraSection]:
    """The sections of the programme page, each with its items in time order; a provider whose stamp
    (when given) says None is skipped without a query."""
    sections = []
    for provider in _providers.values():
        if stamps is not None and stamps.get(f"extra_stamp_{provider.key}") in (None, "None"):
            continue
        items = sorted(provider.items(meeting), key=lambda item: (item.starts_at, item.title))
        if items:
            sections.append(ExtraSection(provider.key, str(provider.heading), items))
    return sections
