"""Paper.translated_from: what each translation of the title and abstract was made from.

Adding the column makes SQLite rebuild papers_paper, which drops the full-text index's triggers with the
old table (0004_search_index): they are created again here, and the index rebuilt. PostgreSQL adds the
column in place; its generated search column is untouched."""

from importlib import import_module

from django.db import migrations, models

search_index = import_module("papers.migrations.0004_search_index")


def _sqlite_index_again(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*search_index.SQLITE_REVERSE, *search_index.SQLITE]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("papers", "0004_search_index")]

    operations = [
        migrations.AddField(
            model_name="paper",
            name="translated_from",
            field=models.JSONField(blank=True, default=dict, verbose_name="translated from"),
        ),
        migrations.RunPython(_sqlite_index_again, _sqlite_index_again),
    ]
