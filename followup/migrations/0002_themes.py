"""The Forum's themes, in its three working languages: what recommendations and practices are filed
under and the tracker counts by. Portal support can add or rename them in the admin."""

from django.db import migrations

THEMES = [
    ("labour-mobility", "Labour mobility and skills", "Mobilité de la main-d’œuvre et compétences", "Movilidad laboral y competencias"),
    ("regular-migration", "Regular and protected migration", "Migration régulière et protégée", "Migración regular y protegida"),
    ("diasporas", "Diasporas and development", "Diasporas et développement", "Diásporas y desarrollo"),
    ("remittances", "Remittances and financial inclusion", "Envois de fonds et inclusion financière", "Remesas e inclusión financiera"),
    ("migration-data", "Migration data, research and Migration Profiles", "Données, recherche et profils migratoires", "Datos, investigación y perfiles migratorios"),
    ("policy-coherence", "Policy and institutional coherence", "Cohérence des politiques et des institutions", "Coherencia de políticas e instituciones"),
    ("regional-processes", "Regional consultative processes", "Processus consultatifs régionaux", "Procesos consultivos regionales"),
    ("protection-rights", "Protection and human rights of migrants", "Protection et droits humains des migrants", "Protección y derechos humanos de los migrantes"),
    ("gender-family", "Gender, family and children", "Genre, famille et enfants", "Género, familia e infancia"),
    ("return-reintegration", "Return, reintegration and circular migration", "Retour, réintégration et migration circulaire", "Retorno, reintegración y migración circular"),
    ("integration", "Integration and social inclusion", "Intégration et inclusion sociale", "Integración e inclusión social"),
    ("climate", "Climate change and migration", "Changements climatiques et migration", "Cambio climático y migración"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("followup", "Theme")
    for order, (slug, en, fr, es) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": en, "name_en": en, "name_fr": fr, "name_es": es, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
