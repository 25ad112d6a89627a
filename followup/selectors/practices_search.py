"""The practices' full-text search on both databases, over the index that migration 0003 keeps (the same
approach as papers.search).

PostgreSQL: the stored, GIN-indexed search vector, queried in the three languages' stemming at once
(websearch syntax: "quoted phrases", -excluded words, or), ranked with ts_rank. SQLite: the FTS5 table,
every word required (English stemming, accents folded, the last word as a prefix), ranked with bm25."""

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from papers.search import SEARCH_CONFIGS, clean_query, fts5_match


def _tsquery(query: str) -> tuple[str, list[str]]:
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in SEARCH_CONFIGS.values())
    return sql, [query] * len(SEARCH_CONFIGS)


def _postgres(practices: QuerySet, query: str) -> QuerySet:
    tsquery, params = _tsquery(query)
    return (
        practices.alias(
            found=RawSQL(f"followup_practice.search_vector @@ ({tsquery})", params, output_field=BooleanField())
        )
        .filter(found=True)
        .annotate(
            rank=RawSQL(f"ts_rank(followup_practice.search_vector, ({tsquery}))", params, output_field=FloatField())
        )
        .order_by("-rank", "-published_at", "-pk")
    )


# Column weights for bm25 (lower is better): titles count more than summaries, summaries than results.
_WEIGHTS = ", ".join(["10.0"] * 3 + ["4.0"] * 3 + ["2.0"] * 3)
_FTS_JOIN = "followup_practice.id = +followup_practice_fts.rowid"


def _sqlite(practices: QuerySet, query: str) -> QuerySet:
    match = fts5_match(query)
    if not match:
        return practices.none()
    # Joined once, so the match runs once for the whole list (see papers.search._sqlite).
    return practices.extra(
        tables=["followup_practice_fts"],
        where=[_FTS_JOIN, "followup_practice_fts MATCH %s"],
        params=[match],
        select={"rank": f"bm25(followup_practice_fts, {_WEIGHTS})"},
    ).order_by("rank", "-published_at", "-pk")


def search_practices(practices: QuerySet, query: str) -> QuerySet:
    """The practices that match, best first, each with its `rank`; all of them for an empty query."""
    # Control characters are no words; PostgreSQL refuses a NUL in a query's text outright.
    query = clean_query("".join(ch if ch.isprintable() else " " for ch in query or ""))
    if not query:
        return practices
    if connection.vendor == "postgresql":
        return _postgres(practices, query)
    return _sqlite(practices, query)
