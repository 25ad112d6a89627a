"""The library's full-text search on both databases, over the index that migration 0004 keeps.

PostgreSQL: the stored, GIN-indexed search vector, queried in the three languages' stemming at once
(websearch syntax: "quoted phrases", -excluded words, or), ranked with ts_rank. SQLite: the FTS5 table,
every word required (English stemming, accents folded, the last word as a prefix), ranked with bm25.
Both give each paper a headline: the passage of its abstract (in the reader's language when the paper
has one) with the words found marked, safe to show as HTML."""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gfmd import languages

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


def _postgres(papers: QuerySet, query: str, language: str) -> QuerySet:
    tsquery = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in SEARCH_CONFIGS.values())
    params = [query] * len(SEARCH_CONFIGS)
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=' … '"
    return (
        papers.alias(found=RawSQL(f"papers_paper.search_vector @@ ({tsquery})", params, output_field=BooleanField()))
        .filter(found=True)
        .annotate(
            rank=RawSQL(f"ts_rank(papers_paper.search_vector, ({tsquery}))", params, output_field=FloatField()),
            headline=RawSQL(
                f"ts_headline('{SEARCH_CONFIGS[language]}'::regconfig, {_abstract_sql(language)}, ({tsquery}), %s)",
                [*params, options],
                output_field=TextField(),
            ),
        )
        .order_by("-rank", "-published_at", "pk")
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


def _sqlite(papers: QuerySet, query: str, language: str) -> QuerySet:
    match = fts5_match(query)
    if not match:
        return papers.none()
    # Column weights for bm25 (lower is better): titles count more than abstracts.
    weights = ", ".join(["10.0"] * 3 + ["4.0"] * 3)
    found = "SELECT rowid FROM papers_paper_fts WHERE papers_paper_fts MATCH %s"
    rank = (
        f"(SELECT bm25(papers_paper_fts, {weights}) FROM papers_paper_fts "
        "WHERE papers_paper_fts MATCH %s AND papers_paper_fts.rowid = papers_paper.id)"
    )
    # The passage of the abstract in the reader's language (else in the first language it has), with
    # 24 tokens around the words found.
    order = [language] + [code for code in languages.CODES if code != language]
    snippets = ", ".join(
        f"NULLIF(snippet(papers_paper_fts, {ABSTRACT_COLUMNS[code]}, '{_START}', '{_STOP}', ' … ', 24), '')"
        for code in order
    )
    headline = (
        f"(SELECT COALESCE({snippets}, '') FROM papers_paper_fts "
        "WHERE papers_paper_fts MATCH %s AND papers_paper_fts.rowid = papers_paper.id)"
    )
    return (
        papers.filter(pk__in=RawSQL(found, [match]))
        .annotate(
            rank=RawSQL(rank, [match], output_field=FloatField()),
            headline=RawSQL(headline, [match], output_field=TextField()),
        )
        .order_by("rank", "-published_at", "pk")
    )


def search_papers(papers: QuerySet, query: str, language: str | None = None) -> QuerySet:
    """The papers that match, best first, each with `rank` and `headline` (see `highlighted`)."""
    query = clean_query(query)
    if not query:
        return papers
    if connection.vendor == "postgresql":
        return _postgres(papers, query, _reader_language(language))
    return _sqlite(papers, query, _reader_language(language))
