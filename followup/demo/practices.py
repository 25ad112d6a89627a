"""The Platform for Partnerships' part of the demo: practices on the 2010 concept paper's themes (diaspora
engagement, remittances, circular labour migration, Migration Profiles, protection of migrants), submitted
by the demo's accounts through the services and reviewed by Mexico's Chair's office (chair@example.org).

ILLUSTRATIVE: every practice below is invented for the demo, written to be plausible; none is taken from
the public record of the Platform for Partnerships, and the contacts are example.org addresses.

Run after the registrations' demo (delegations.demo: the submitters' registrations) and the meeting's
(roundtables.demo: session 2.2 of meeting number 4). Safe to run twice: a practice whose English title
exists is left as it is."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from accounts.models import User
from delegations.models import Delegation
from followup.models import Practice, Theme
from followup.services.practices import (
    PracticeInput,
    practice_publish,
    practice_return,
    practice_review_update,
    practice_submit,
)
from roundtables.models import Session

CHAIR = "chair@example.org"
MEETING_NUMBER = 4  # Mexico 2010


@dataclass
class DemoPractice:
    submitter: str
    kind: str
    organisation: str
    delegation: str  # country code or organisation name; "" for none
    title: dict[str, str]
    summary: dict[str, str]
    results: dict[str, str]
    countries: list[str]
    themes: list[str]
    partners: list[tuple[str, str]]
    start: dt.date
    end: dt.date | None
    contact: tuple[str, str]
    links: list[str] = field(default_factory=list)
    # What the Chair's office does: "publish", "return" (with the note) or "" (awaits review).
    review: str = "publish"
    note: str = ""
    sessions: list[str] = field(default_factory=list)  # session codes of meeting 4
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # added by the Chair's office


PRACTICES = [
    DemoPractice(
        submitter="focalpoint.gh@example.org",
        kind=Practice.SubmitterKind.GOVERNMENT,
        organisation="Ministry of Foreign Affairs, Ghana",
        delegation="GH",
        title={
            "en": "Home-town diaspora partnerships for district development",
            "fr": "Partenariats de la diaspora avec les villes d'origine pour le développement des districts",
        },
        summary={
            "en": "District assemblies and diaspora associations in Europe and North America agree joint "
            "projects (schools, clinics, water points): the diaspora raises part of the cost, the district "
            "co-finances and maintains, and a diaspora desk in the ministry follows each project.",
            "fr": "Les assemblées de district et les associations de la diaspora en Europe et en Amérique du "
            "Nord conviennent de projets communs : la diaspora finance une partie du coût, le district "
            "cofinance et entretient.",
        },
        results={"en": "Thirty-four projects completed in twelve districts between 2007 and 2010."},
        countries=["GH", "GB", "US", "NL"],
        themes=["diasporas", "policy-coherence"],
        partners=[
            ("Association of Ghanaian Home-Town Associations", "civil_society"),
            ("District Assemblies Common Fund", "local_authority"),
            ("International Organization for Migration", "international_organisation"),
        ],
        start=dt.date(2007, 3, 1),
        end=None,
        contact=("Diaspora Affairs Bureau", "diaspora.desk@example.org"),
        links=["https://www.example.org/ghana-diaspora-partnerships"],
        sessions=["1.1"],
    ),
    DemoPractice(
        submitter="focalpoint.mx@example.org",
        kind=Practice.SubmitterKind.GOVERNMENT,
        organisation="Secretaría de Relaciones Exteriores, Mexico",
        delegation="MX",
        title={
            "en": "Matching funds for migrant clubs' community projects",
            "es": "Fondos de contrapartida para proyectos comunitarios de clubes de migrantes",
        },
        summary={
            "en": "For every peso that a club of Mexican migrants abroad invests in a community project at "
            "home, the federal, state and municipal governments each add one: the diaspora chooses and "
            "oversees the projects with the municipality.",
            "es": "Por cada peso que un club de migrantes mexicanos en el exterior invierte en un proyecto "
            "comunitario, los gobiernos federal, estatal y municipal aportan uno cada uno.",
        },
        results={"en": "Roads, water and productive projects in more than 1,000 municipalities."},
        countries=["MX", "US"],
        themes=["diasporas", "remittances"],
        partners=[("Federation of Zacatecan clubs", "civil_society"), ("State governments", "local_authority")],
        start=dt.date(2002, 1, 1),
        end=None,
        contact=("Instituto de los Mexicanos en el Exterior", "ime.demo@example.org"),
        links=["https://www.example.org/matching-funds"],
        sessions=["1.1"],
    ),
    DemoPractice(
        submitter="focalpoint.mx@example.org",
        kind=Practice.SubmitterKind.GOVERNMENT,
        organisation="Secretaría del Trabajo y Previsión Social, Mexico",
        delegation="MX",
        title={
            "en": "Seasonal agricultural workers programme with portable social security",
            "fr": "Programme de travailleurs agricoles saisonniers avec sécurité sociale transférable",
            "es": "Programa de trabajadores agrícolas temporales con seguridad social transferible",
        },
        summary={
            "en": "A bilateral circular labour migration scheme: workers recruited by the public employment "
            "service for up to eight months a year, with contracts, housing and health insurance checked by "
            "consular staff, and pension rights counted in both countries.",
        },
        results={"en": "Around 15,000 workers a season; most return the following year to the same employer."},
        countries=["MX", "CA"],
        themes=["labour-mobility", "return-reintegration"],
        partners=[("Canadian employers' association", "private_sector"), ("Consulates of Mexico", "government")],
        start=dt.date(1974, 6, 1),
        end=None,
        contact=("Servicio Nacional de Empleo", "sne.demo@example.org"),
    ),
    DemoPractice(
        submitter="iom@example.org",
        kind=Practice.SubmitterKind.INTERNATIONAL_ORGANISATION,
        organisation="International Organization for Migration (IOM)",
        delegation="International Organization for Migration (IOM)",
        title={
            "en": "Migration Profiles in West and Central Africa",
            "fr": "Profils migratoires en Afrique de l'Ouest et du Centre",
        },
        summary={
            "en": "National statistics offices, ministries and researchers compile a Migration Profile of "
            "their country with a common template, then keep it up to date through an inter-ministerial "
            "working group, as the Athens GFMD recommended.",
            "fr": "Les instituts nationaux de statistique, les ministères et les chercheurs établissent le "
            "profil migratoire de leur pays selon un modèle commun.",
        },
        results={"en": "Profiles published for eight countries; four updated since."},
        countries=["SN", "ML", "CM", "GH", "NE"],
        themes=["migration-data", "policy-coherence"],
        partners=[
            ("European Commission", "international_organisation"),
            ("National statistics offices", "government"),
            ("University of Dakar", "academia"),
        ],
        start=dt.date(2007, 9, 1),
        end=dt.date(2010, 6, 30),
        contact=("Migration Research Division", "mprofiles.demo@example.org"),
        links=["https://www.example.org/migration-profiles"],
    ),
    DemoPractice(
        submitter="mfa@example.org",
        kind=Practice.SubmitterKind.CIVIL_SOCIETY,
        organisation="Migrant Forum in Asia",
        delegation="Migrant Forum in Asia",
        title={"en": "Savings and investment circles for migrant women and their families"},
        summary={
            "en": "Migrant women working abroad and their families at home meet in savings circles that "
            "teach budgeting and pool remittances into small businesses; women of the diaspora mentor "
            "the new circles.",
        },
        results={"en": "2,300 members in 90 circles; half of them run a family business."},
        countries=["PH", "ID", "AE"],
        themes=["gender-family", "remittances"],
        partners=[("Rural banks' association", "private_sector"), ("UN Women", "international_organisation")],
        start=dt.date(2006, 1, 1),
        end=None,
        contact=("William Gois", "mfa.demo@example.org"),
        sessions=["2.2"],
        translations={
            "title": {
                "fr": "Cercles d'épargne et d'investissement pour les femmes migrantes et leurs familles",
                "es": "Círculos de ahorro e inversión para mujeres migrantes y sus familias",
            }
        },
    ),
    DemoPractice(
        submitter="mfa@example.org",
        kind=Practice.SubmitterKind.CIVIL_SOCIETY,
        organisation="Migrant Forum in Asia",
        delegation="Migrant Forum in Asia",
        title={"en": "Legal aid desks for migrant domestic workers"},
        summary={
            "en": "Volunteer lawyers and former domestic workers run help desks in destination countries: "
            "contract checks, recovery of unpaid wages, shelters, and referrals to the embassies.",
        },
        results={"en": "1,100 cases a year; unpaid wages recovered in two cases out of three."},
        countries=["PH", "LK", "AE", "SA"],
        themes=["protection-rights"],
        partners=[("National bar associations", "civil_society"), ("Embassies of origin countries", "government")],
        start=dt.date(2008, 5, 1),
        end=None,
        contact=("William Gois", "mfa.demo@example.org"),
        review="",  # awaits the Chair's office's review
    ),
    DemoPractice(
        submitter="iom@example.org",
        kind=Practice.SubmitterKind.INTERNATIONAL_ORGANISATION,
        organisation="International Organization for Migration (IOM)",
        delegation="International Organization for Migration (IOM)",
        title={"en": "Remittance price comparison website for the Andean corridor"},
        summary={"en": "A website comparing the cost of sending money from Spain to Ecuador, Colombia and Bolivia."},
        results={"en": ""},
        countries=["EC", "CO", "BO", "ES"],
        themes=["remittances"],
        partners=[("Money transfer operators", "private_sector")],
        start=dt.date(2009, 2, 1),
        end=None,
        contact=("IOM Madrid", "iom.madrid.demo@example.org"),
        review="return",
        note="Please add the results so far (fall in average prices, visits) and the partners in Ecuador.",
    ),
]


def _delegation(key: str) -> Delegation | None:
    if not key:
        return None
    if len(key) == 2:
        return Delegation.objects.filter(kind=Delegation.Kind.STATE, country=key).first()
    return Delegation.objects.filter(name=key).first()


@transaction.atomic
def load_practices_demo() -> list[Practice]:
    """Submit, review and publish the demo's practices (those not loaded yet); returns the new ones."""
    chair = User.objects.get(email=CHAIR)
    sessions = {s.code: s for s in Session.objects.filter(meeting__number=MEETING_NUMBER)}
    themes = {t.slug: t for t in Theme.objects.all()}
    loaded = []
    for demo in PRACTICES:
        if Practice.objects.filter(title_en=demo.title["en"]).exists():
            continue
        submitter = User.objects.get(email=demo.submitter)
        countries = [c for c in (_delegation(code) for code in demo.countries) if c is not None]
        practice = practice_submit(
            actor=submitter,
            data=PracticeInput(
                texts={"title": demo.title, "summary": demo.summary, "results": demo.results},
                language="en",
                submitter_kind=demo.kind,
                organisation=demo.organisation,
                delegation=_delegation(demo.delegation),
                countries=countries,
                themes=[themes[slug] for slug in demo.themes],
                partners=demo.partners,
                period_start=demo.start,
                period_end=demo.end,
                contact_name=demo.contact[0],
                contact_email=demo.contact[1],
                links=demo.links,
            ),
        )
        if demo.review == "publish":
            texts = {"title": dict(demo.title), "summary": dict(demo.summary), "results": dict(demo.results)}
            for name, values in demo.translations.items():
                texts[name].update(values)
            practice_review_update(
                practice=practice,
                actor=chair,
                texts=texts,
                sessions=[sessions[code] for code in demo.sessions if code in sessions],
            )
            practice = practice_publish(practice=practice, actor=chair)
        elif demo.review == "return":
            practice = practice_return(practice=practice, actor=chair, note=demo.note)
        loaded.append(practice)
    return loaded
