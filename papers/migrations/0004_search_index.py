"""The library's full-text index, kept by the database itself so that no write path can forget it.

PostgreSQL: a stored, generated tsvector over titles (weight A) and abstracts (weight B) in the three
working languages, each with its own stemming, under a GIN index. SQLite (the embedded default): an FTS5
table over the same columns (English stemming, accents folded), kept in step by triggers.

Neither is a model field (Django would not know how to write them): papers.search reads them with SQL.
A later migration that makes SQLite rebuild papers_paper drops the triggers with the old table:
papers/tests/test_search.py fails when that happens (re-run the SQLite part below in that migration)."""

from django.db import migrations

LANGUAGES = {"en": "english", "fr": "french", "es": "spanish"}
COLUMNS = [f"{field}_{code}" for field in ("title", "abstract") for code in LANGUAGES]

POSTGRES_VECTOR = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}_{code}, '')), '{weight}')"
    for code, config in LANGUAGES.items()
    for field, weight in (("title", "A"), ("abstract", "B"))
)
POSTGRES = [
    f"ALTER TABLE papers_paper ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    "CREATE INDEX papers_paper_search ON papers_paper USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS papers_paper_search",
    "ALTER TABLE papers_paper DROP COLUMN IF EXISTS search_vector",
]

_columns = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)
SQLITE = [
    f"CREATE VIRTUAL TABLE papers_paper_fts USING fts5({_columns}, content='papers_paper', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER papers_paper_fts_insert AFTER INSERT ON papers_paper BEGIN "
    f"INSERT INTO papers_paper_fts(rowid, {_columns}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER papers_paper_fts_delete AFTER DELETE ON papers_paper BEGIN "
    f"INSERT INTO papers_paper_fts(papers_paper_fts, rowid, {_columns}) VALUES ('delete', old.id, {_old}); END",
    f"CREATE TRIGGER papers_paper_fts_update AFTER UPDATE ON papers_paper BEGIN "
    f"INSERT INTO papers_paper_fts(papers_paper_fts, rowid, {_columns}) VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO papers_paper_fts(rowid, {_columns}) VALUES (new.id, {_new}); END",
    "INSERT INTO papers_paper_fts(papers_paper_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS papers_paper_fts_insert",
    "DROP TRIGGER IF EXISTS papers_paper_fts_delete",
    "DROP TRIGGER IF EXISTS papers_paper_fts_update",
    "DROP TABLE IF EXISTS papers_paper_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("papers", "0003_paper_first_submitted_at")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
