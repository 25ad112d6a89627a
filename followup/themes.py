"""The Forum's themes, in its three working languages: what recommendations and practices are filed
under and the tracker counts by. Migration 0002 adds them; the demo and the tests make sure they are
there (a test that flushes the database removes what migrations added). Portal support can add or
rename themes in the admin."""

THEMES = [
    (
        "labour-mobility",
        "Labour mobility and skills",
        "Mobilité de la main-d’œuvre et compétences",
        "Movilidad laboral y competencias",
    ),
    (
        "regular-migration",
        "Regular and protected migration",
        "Migration régulière et protégée",
        "Migración regular y protegida",
    ),
    ("diasporas", "Diasporas and development", "Diasporas et développement", "Diásporas y desarrollo"),
    (
        "remittances",
        "Remittances and financial inclusion",
        "Envois de fonds et inclusion financière",
        "Remesas e inclusión financiera",
    ),
    (
        "migration-data",
        "Migration data, research and Migration Profiles",
        "Données, recherche et profils migratoires",
        "Datos, investigación y perfiles migratorios",
    ),
    (
        "policy-coherence",
        "Policy and institutional coherence",
        "Cohérence des politiques et des institutions",
        "Coherencia de políticas e instituciones",
    ),
    (
        "regional-processes",
        "Regional consultative processes",
        "Processus consultatifs régionaux",
        "Procesos consultivos regionales",
    ),
    (
        "protection-rights",
        "Protection and human rights of migrants",
        "Protection et droits humains des migrants",
        "Protección y derechos humanos de los migrantes",
    ),
    ("gender-family", "Gender, family and children", "Genre, famille et enfants", "Género, familia e infancia"),
    (
        "return-reintegration",
        "Return, reintegration and circular migration",
        "Retour, réintégration et migration circulaire",
        "Retorno, reintegración y migración circular",
    ),
    (
        "integration",
        "Integration and social inclusion",
        "Intégration et inclusion sociale",
        "Integración e inclusión social",
    ),
    ("climate", "Climate change and migration", "Changements climatiques et migration", "Cambio climático y migración"),
]


def ensure_themes(theme_model=None) -> None:
    """Add the themes that are missing (by slug); leave the existing ones as support named them.
    `theme_model` is the migration's historical model, or the app's by default."""
    if theme_model is None:
        from followup.models import Theme as theme_model
    existing = set(theme_model.objects.values_list("slug", flat=True))
    theme_model.objects.bulk_create(
        theme_model(slug=slug, name=en, name_en=en, name_fr=fr, name_es=es, order=order)
        for order, (slug, en, fr, es) in enumerate(THEMES, start=1)
        if slug not in existing
    )
