"""Every outcome gets its sections in the other working languages (empty: nothing is translated
yet), and a published outcome's sections publish the text they had, as outcome_publish now does."""

from django.db import migrations
from django.db.models import F

LANGUAGES = ("en", "fr", "es")


def forwards(apps, schema_editor):
    Outcome = apps.get_model("outcomes", "Outcome")
    OutcomeSection = apps.get_model("outcomes", "OutcomeSection")
    OutcomeSection.objects.filter(outcome__state="published").update(published_revision=F("current_revision"))
    missing = []
    for outcome in Outcome.objects.only("pk", "original_language").iterator():
        existing = {(s.kind, s.language): s.order for s in OutcomeSection.objects.filter(outcome=outcome)}
        for (kind, language), order in list(existing.items()):
            if language != outcome.original_language:
                continue
            for other in LANGUAGES:
                if (kind, other) not in existing:
                    missing.append(OutcomeSection(outcome=outcome, kind=kind, language=other, order=order))
        if len(missing) > 1000:
            OutcomeSection.objects.bulk_create(missing)
            missing = []
    OutcomeSection.objects.bulk_create(missing)


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0002_translations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
