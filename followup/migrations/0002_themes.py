"""The Forum's themes, in its three working languages: what recommendations and practices are filed
under and the tracker counts by. Portal support can add or rename them in the admin."""

from django.db import migrations

from followup.themes import ensure_themes



def add_themes(apps, schema_editor):
    ensure_themes(apps.get_model("followup", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
