"""Which texts of a meeting still lack their French or Spanish version: the shape in which every app
hands its part to the Chair's office's completeness page, and the SQL that finds them.

Each app that keeps texts in the working languages has `translation_gaps(meeting) -> list[GapList]` in
its `selectors.py` (roundtables, papers, surveys; outcomes can add its own the same way), and
`reports.translations` lays them out one after the other. A GapList is one kind of item (the meeting's
sessions, its rooms, its surveys' questions...):

- `key`: unique on the page, "<app>-<items>" (also the list's page parameter and anchor);
- `label`: the items, plural, as the summary names them ("Sessions");
- `items`: a QuerySet of every item of that kind the meeting should have in three languages, ordered
  as the list shows them, with what `name` and `url` read already joined (select_related);
- `fields`: {base name: label} of its translated fields ({"title": _("Title"), ...});
- `name(item) -> str`: the item as the Chair's office knows it ("1.1 Partnerships for...");
- `url(item) -> str`: the Chair's office page where its texts are edited.

A text lacks a language when it exists in another language but is empty in that one: a session
without a description lacks no French description. The counts and the rows come from the database
(`gap_counts`, `with_gaps`): one aggregate per list, and one query for a page of its rows, whatever
the number of items. Each row (`GapRow`) names the item, links to its page and says which fields lack
which language."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet

from gfmd import languages


@dataclass(frozen=True)
class GapList:
    key: str
    label: str
    items: QuerySet
    fields: dict[str, str]
    name: Callable[[object], str]
    url: Callable[[object], str]


@dataclass(frozen=True)
class GapCounts:
    """Over every item of a list: how many there are, how many lack French, Spanish, either."""

    total: int
    missing: dict[str, int]  # {"fr": 3, "es": 5}
    with_gaps: int

    @property
    def by_language(self) -> list[tuple[str, str, int]]:
        """[(code, language name, how many lack it)], for the summary."""
        return [(code, name, self.missing.get(code, 0)) for code, name in languages.TRANSLATED_NAMES.items()]


@dataclass(frozen=True)
class GapRow:
    name: str
    url: str
    # {"fr": ["Title", "Description"], "es": []}: the fields each translated language lacks.
    missing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        """The codes of the languages the item lacks, in the working languages' order."""
        return [code for code in languages.TRANSLATED if self.missing.get(code)]

    @property
    def by_language(self) -> list[tuple[str, str, list[str]]]:
        """[(code, language name, the fields lacking it)], one per translated language, for the row's cells."""
        return [(code, name, self.missing.get(code, [])) for code, name in languages.TRANSLATED_NAMES.items()]


def _empty(name: str) -> Q:
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


def lacks(base: str, code: str) -> Q:
    """The text `base` exists in some language and is empty in `code`."""
    written = reduce(or_, (~_empty(f"{base}_{other}") for other in languages.CODES))
    return written & _empty(f"{base}_{code}")


def lacks_language(fields, code: str) -> Q:
    """Any of the `fields` lacks `code`."""
    return reduce(or_, (lacks(base, code) for base in fields))


def lacks_any(fields) -> Q:
    return reduce(or_, (lacks_language(fields, code) for code in languages.TRANSLATED))


def gap_counts(gaps: GapList) -> GapCounts:
    """One aggregate query over the list's items."""
    counts = gaps.items.order_by().aggregate(
        total=Count("pk"),
        with_gaps=Count("pk", filter=lacks_any(gaps.fields)),
        **{code: Count("pk", filter=lacks_language(gaps.fields, code)) for code in languages.TRANSLATED},
    )
    return GapCounts(
        total=counts["total"],
        missing={code: counts[code] for code in languages.TRANSLATED},
        with_gaps=counts["with_gaps"],
    )


def with_gaps(gaps: GapList) -> QuerySet:
    """The items lacking a translation, each annotated gap_<field>_<code> (True when that field lacks it)."""
    flags = {
        f"gap_{base}_{code}": ExpressionWrapper(lacks(base, code), output_field=BooleanField())
        for base in gaps.fields
        for code in languages.TRANSLATED
    }
    return gaps.items.filter(lacks_any(gaps.fields)).annotate(**flags)


def gap_row(gaps: GapList, item) -> GapRow:
    """A row of `with_gaps`, in words."""
    missing = {
        code: [str(label) for base, label in gaps.fields.items() if getattr(item, f"gap_{base}_{code}")]
        for code in languages.TRANSLATED
    }
    return GapRow(name=gaps.name(item), url=gaps.url(item), missing=missing)
