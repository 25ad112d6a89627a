"""The library's full-text search on both databases, over the index that migration 0004 keeps.

PostgreSQL: the stored, GIN-indexed search vector, queried in the three languages' stemming at once
(websearch syntax: "quoted phrases", -excluded words, or), ranked with ts_rank. SQLite: the FTS5 table,
every word required (English stemming, accents folded, the last word as a prefix), ranked with bm25.
`headlines` gives the papers of the page shown their passage of the abstract (in the reader's language
when the paper has one) with the words found marked, safe to show as HTML."""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gfmd import languages
from papers.models import Paper

SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
# Marks around the words found, chosen so that no abstract contains them: escaped, then made <mark>.
_START, _STOP = "\x02", "\x03"
MAX_QUERY = 200
# The FTS5 table's columns (migration 0004): the titles in en, fr, es, then the abstracts.
ABSTRACT_COLUMNS = {"en": 3, "fr": 4, "es": 5}
MAX_WORDS = 10


def clean_query(query: str) -> str:
    return " ".join(query.split())[:MAX_QUERY]


def highlighted(headline: str | None) -> SafeString:
    """A headline from the database, escaped, with its marks made <mark> elements."""
    text = escape(headline or "")
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _reader_language(language: str | None) -> str:
    code = (language or "en")[:2]
    return code if code in SEARCH_CONFIGS else "en"


def _abstract_sql(language: str) -> str:
    """The abstract in the reader's language, else in any language the paper has."""
    order = [language] + [code for code in languages.CODES if code != language]
    return "COALESCE(" + ", ".join(f"NULLIF(papers_paper.abstract_{code}, '')" for code in order) + ", '')"


def _tsquery(query: str) -> tuple[str, list[str]]:
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in SEARCH_CONFIGS.values())
    return sql, [query] * len(SEARCH_CONFIGS)


def _postgres(papers: QuerySet, query: str) -> QuerySet:
    tsquery, params = _tsquery(query)
    return (
        papers.alias(found=RawSQL(f"papers_paper.search_vector @@ ({tsquery})", params, output_field=BooleanField()))
        .filter(found=True)
        .annotate(rank=RawSQL(f"ts_rank(papers_paper.search_vector, ({tsquery}))", params, output_field=FloatField()))
        .order_by("-rank", "-published_at", "pk")
    )


def _postgres_headlines(papers: QuerySet, query: str, language: str) -> QuerySet:
    tsquery, params = _tsquery(query)
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=' … '"
    return papers.annotate(
        headline=RawSQL(
            f"ts_headline('{SEARCH_CONFIGS[language]}'::regconfig, {_abstract_sql(language)}, ({tsquery}), %s)",
            [*params, options],
            output_field=TextField(),
        )
    )


def fts5_match(query: str) -> str:
    """The person's words as an FTS5 query that cannot be a syntax error: each word quoted, all required,
    the last one also as a prefix (so "migra" finds "migration" while typing)."""
    words = [word for word in re.split(r"[^\w]+", query) if word][:MAX_WORDS]
    if not words:
        return ""
    terms = [f'"{word}"' for word in words]
    terms[-1] += "*"
    return " ".join(terms)


# Column weights for bm25 (lower is better): titles count more than abstracts.
_WEIGHTS = ", ".join(["10.0"] * 3 + ["4.0"] * 3)
_FTS_JOIN = "papers_paper.id = +papers_paper_fts.rowid"


def _sqlite(papers: QuerySet, query: str) -> QuerySet:
    match = fts5_match(query)
    if not match:
        return papers.none()
    # The FTS table joined once, so the full-text query runs once for the whole list and bm25 reads its
    # match: a subquery per paper ran it again for each (130 ms for 880 matches at `make bench`'s 10x).
    # The unary + keeps SQLite from probing the FTS table by rowid for each paper (280 ms for the page's
    # count): the match drives, and each paper is found by its primary key.
    return papers.extra(
        tables=["papers_paper_fts"],
        where=[_FTS_JOIN, "papers_paper_fts MATCH %s"],
        params=[match],
        select={"rank": f"bm25(papers_paper_fts, {_WEIGHTS})"},
    ).order_by("rank", "-published_at", "pk")


def _sqlite_headlines(papers: QuerySet, query: str, language: str) -> QuerySet:
    match = fts5_match(query)
    # The passage of the abstract in the reader's language (else in the first language it has), with
    # 24 tokens around the words found.
    order = [language] + [code for code in languages.CODES if code != language]
    snippets = ", ".join(
        f"NULLIF(snippet(papers_paper_fts, {ABSTRACT_COLUMNS[code]}, '{_START}', '{_STOP}', ' … ', 24), '')"
        for code in order
    )
    return papers.extra(
        tables=["papers_paper_fts"],
        where=[_FTS_JOIN, "papers_paper_fts MATCH %s"],
        params=[match],
        select={"headline": f"COALESCE({snippets}, '')"},
    )


def search_papers(papers: QuerySet, query: str, language: str | None = None) -> QuerySet:
    """The papers that match, best first, each with its `rank` (the passages found: `headlines`)."""
    query = clean_query(query)
    if not query:
        return papers
    if connection.vendor == "postgresql":
        return _postgres(papers, query)
    return _sqlite(papers, query)


def headlines(paper_ids: list[int], query: str, language: str | None = None) -> dict[int, str]:
    """{paper id: the passage of its abstract with the words found marked (see `highlighted`)} for the
    papers of the page shown only: making a passage costs more than finding the paper, so the list's
    other matches never pay for it."""
    query = clean_query(query)
    if not query or not paper_ids:
        return {}
    papers = Paper.objects.filter(pk__in=paper_ids)
    language = _reader_language(language)
    if connection.vendor == "postgresql":
        papers = _postgres_headlines(papers, query, language)
    elif fts5_match(query):
        papers = _sqlite_headlines(papers, query, language)
    else:
        return {}
    return dict(papers.order_by().values_list("pk", "headline"))
