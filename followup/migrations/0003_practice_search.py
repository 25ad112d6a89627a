"""The practices' full-text index, kept by the database itself so that no write path can forget it (as
papers/migrations/0004_search_index does for the library).

PostgreSQL: a stored, generated tsvector over the titles (weight A), summaries (B) and results (C) in the
three working languages, each with its own stemming, under a GIN index. SQLite: an FTS5 table over the
same nine columns (English stemming, accents folded), kept in step by triggers.

Neither is a model field: followup.selectors.practices_search reads them with SQL. A later migration that
makes SQLite rebuild followup_practice (adding or altering a column) drops the triggers with the old
table: run SQLITE_REVERSE then SQLITE again in that migration (see papers 0005), and
followup/tests/test_practices_search.py fails until it does."""

from django.db import migrations

LANGUAGES = {"en": "english", "fr": "french", "es": "spanish"}
WEIGHTS = (("title", "A"), ("summary", "B"), ("results", "C"))
COLUMNS = [f"{field}_{code}" for field, _weight in WEIGHTS for code in LANGUAGES]

POSTGRES_VECTOR = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}_{code}, '')), '{weight}')"
    for code, config in LANGUAGES.items()
    for field, weight in WEIGHTS
)
POSTGRES = [
    f"ALTER TABLE followup_practice ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    "CREATE INDEX followup_practice_search ON followup_practice USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS followup_practice_search",
    "ALTER TABLE followup_practice DROP COLUMN IF EXISTS search_vector",
]

_columns = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)
SQLITE = [
    f"CREATE VIRTUAL TABLE followup_practice_fts USING fts5({_columns}, content='followup_practice', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER followup_practice_fts_insert AFTER INSERT ON followup_practice BEGIN "
    f"INSERT INTO followup_practice_fts(rowid, {_columns}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER followup_practice_fts_delete AFTER DELETE ON followup_practice BEGIN "
    f"INSERT INTO followup_practice_fts(followup_practice_fts, rowid, {_columns}) "
    f"VALUES ('delete', old.id, {_old}); END",
    f"CREATE TRIGGER followup_practice_fts_update AFTER UPDATE ON followup_practice BEGIN "
    f"INSERT INTO followup_practice_fts(followup_practice_fts, rowid, {_columns}) "
    f"VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO followup_practice_fts(rowid, {_columns}) VALUES (new.id, {_new}); END",
    "INSERT INTO followup_practice_fts(followup_practice_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS followup_practice_fts_insert",
    "DROP TRIGGER IF EXISTS followup_practice_fts_delete",
    "DROP TRIGGER IF EXISTS followup_practice_fts_update",
    "DROP TABLE IF EXISTS followup_practice_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("followup", "0002_themes")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
