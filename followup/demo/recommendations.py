"""Demo recommendations, marked in outcomes that the outcomes' demo has already published.

Athens 2009 (meeting 3), session 3.1: the 2010 concept paper says the Athens GFMD recommended taking
stock of Migration Profiles (2010's session 3.1 builds on it) and reviewing regional consultative
processes again (2010's session 3.3). The demo's Athens outcome (outcomes.demo.ATHENS_OUTCOME) holds
both in its "Recommendations" section, so both are marked there; Athens' session 3.2 has no outcome in
the demo, so nothing is marked on it. Mexico 2010 (meeting 4): two of session 1.2's recommendations.

The texts paraphrase the public record (Athens) or the demo's outcome (2010): ILLUSTRATIVE, not the
Forum's words. They are written directly as rows, not through the services: this is archive data entry
of outcomes already published (and of a meeting the demo closes), which the services rightly refuse.
Each row has a natural key (the outcome's session and its number): loading twice changes nothing."""

from django.db import transaction

from followup.models import Recommendation, Theme
from outcomes.models import Outcome

# (meeting number, session code, number): texts by language, addressees, theme slugs. Illustrative.
RECOMMENDATIONS = {
    (3, "3.1", 1): (
        {
            "en": (
                "Governments, with the support of international organisations, take stock of and further develop "
                "Migration Profiles, and keep them up to date as a basis for coherent migration and development "
                "policies; the next meeting of the Forum reviews their status."
            ),
            "fr": (
                "Les gouvernements, avec l’appui des organisations internationales, font le point sur les profils "
                "migratoires et les développent, et les tiennent à jour comme base de politiques cohérentes de "
                "migration et de développement ; la prochaine réunion du Forum examine leur état d’avancement."
            ),
            "es": (
                "Los gobiernos, con el apoyo de las organizaciones internacionales, hacen balance de los perfiles "
                "migratorios, los siguen desarrollando y los mantienen actualizados como base de políticas "
                "coherentes de migración y desarrollo; la próxima reunión del Foro examina su situación."
            ),
        },
        ["governments", "international_organisations", "gfmd"],
        ["migration-data", "policy-coherence"],
    ),
    (3, "3.1", 2): (
        {
            "en": (
                "Regional consultative processes and inter-regional fora include the migration and development "
                "nexus in their agendas and report on it to the Forum; the next meeting again reviews their "
                "activities and progress, including the 2009 assessment report on regional consultative processes."
            ),
            "fr": (
                "Les processus consultatifs régionaux et les forums interrégionaux inscrivent le lien entre "
                "migration et développement à leur ordre du jour et en rendent compte au Forum ; la prochaine "
                "réunion examine à nouveau leurs activités et leurs progrès, y compris le rapport d’évaluation "
                "de 2009 sur les processus consultatifs régionaux."
            ),
            "es": (
                "Los procesos consultivos regionales y los foros interregionales incluyen el nexo entre migración "
                "y desarrollo en sus agendas e informan al Foro al respecto; la próxima reunión vuelve a examinar "
                "sus actividades y avances, incluido el informe de evaluación de 2009 sobre los procesos "
                "consultivos regionales."
            ),
        },
        ["governments", "gfmd"],
        ["regional-processes", "policy-coherence"],
    ),
    (4, "1.2", 1): (
        {
            "en": (
                "Governments of destination countries open regular migration channels and make them known in "
                "countries of origin, so that fewer people turn to smugglers."
            ),
            "fr": (
                "Les gouvernements des pays de destination ouvrent des voies de migration régulière et les font "
                "connaître dans les pays d’origine, afin que moins de personnes aient recours aux passeurs."
            ),
            "es": (
                "Los gobiernos de los países de destino abren vías de migración regular y las dan a conocer en "
                "los países de origen, para que menos personas recurran a los traficantes."
            ),
        },
        ["governments"],
        ["regular-migration", "labour-mobility"],
    ),
    (4, "1.2", 2): (
        {
            "en": (
                "Governments, international organisations and civil society identify and assist the victims of "
                "trafficking and exploitation, whatever their migration status."
            ),
            "fr": (
                "Les gouvernements, les organisations internationales et la société civile identifient et "
                "assistent les victimes de la traite et de l’exploitation, quel que soit leur statut migratoire."
            ),
            "es": (
                "Los gobiernos, las organizaciones internacionales y la sociedad civil identifican y asisten a "
                "las víctimas de la trata y la explotación, cualquiera que sea su situación migratoria."
            ),
        },
        ["governments", "international_organisations", "civil_society"],
        ["protection-rights"],
    ),
}


@transaction.atomic
def load_recommendations_demo() -> int:
    """Mark the demo's recommendations in the published outcomes that hold them (an outcome not loaded
    yet is skipped); returns how many rows exist. Call it after the outcomes' demo and the archive's."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    count = 0
    for (meeting_number, code, number), (texts, addressees, theme_slugs) in RECOMMENDATIONS.items():
        outcome = (
            Outcome.objects.published().filter(session__meeting__number=meeting_number, session__code=code).first()
        )
        if outcome is None:
            continue
        recommendation, created = Recommendation.objects.get_or_create(
            outcome=outcome,
            number=number,
            defaults={
                **{f"text_{language}": text for language, text in texts.items()},
                "addressees": addressees,
                # Published with its outcome, on the outcome's own date (as recommendations_publish does).
                "published_at": outcome.published_at,
                "created_by": outcome.published_by,
            },
        )
        if created:
            recommendation.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
        count += 1
    return count
