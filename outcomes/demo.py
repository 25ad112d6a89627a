"""Demo data for session outcomes.

Session 1.1 is left to draft: its rapporteur (rapporteur@example.org) writes, and its two co-chair
governments sign off, Mexico through its focal point (focalpoint.mx@example.org) and Spain through
its representative on the team (cochair.es@example.org).

Sessions 1.2 and 2.2 already have published outcomes, so that the report of the proceedings and
the public session pages have something to show on a fresh demo. Each went through the real
workflow (the services): written by its rapporteur, submitted, signed off by both co-chair
governments through representatives with approved registrations, and published by the Chair's
office. Their text follows the concept paper's description of each session.

The demo's two translators, named by the Chair's office for 2010 (MeetingRole translator roles),
translated them: 1.2 is in all three working languages; 2.2's French translation is in progress (three
sections of five) and its Spanish one not started, so readers in French or Spanish see the original,
marked, where the translation is missing (outcomes.demo_translations)."""

import datetime as dt
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User
from activity.models import ActivityLog
from delegations.models import Delegation, Registration
from outcomes import services
from outcomes.demo_translations import TRANSLATIONS
from outcomes.models import Outcome
from outcomes.selectors import translation_rows
from roundtables.models import Meeting, MeetingRole, Session, SessionPerson

DEMO_PASSWORD = "gfmd-demo-2010"
CO_CHAIR_ES = "cochair.es@example.org"
# The demo's outcomes went public on 10 November 2010, after their sessions, in Puerto Vallarta.
DEMO_PUBLISHED_AT = dt.datetime(2010, 11, 10, 18, tzinfo=ZoneInfo("America/Mexico_City"))
# Their translations, the week after.
DEMO_TRANSLATED_AT = dt.datetime(2010, 11, 17, 12, tzinfo=ZoneInfo("America/Mexico_City"))
TRANSLATOR_FR = "translator.fr@example.org"
TRANSLATOR_ES = "translator.es@example.org"

# e-mail, first name, last name, honorific, job title, organisation, country of the delegation
PEOPLE = {
    CO_CHAIR_ES: (
        "Elena",
        "Navarro",
        "ms",
        "Deputy Director General for Migration",
        "Ministry of Labour and Immigration, Spain",
        "ES",
    ),
    "cochair.us@example.org": (
        "Robert",
        "Hayes",
        "mr",
        "Senior Adviser, Population, Refugees and Migration",
        "Department of State, United States",
        "US",
    ),
    "cochair.ma@example.org": (
        "Nadia",
        "Benali",
        "ms",
        "Director of Consular and Social Affairs",
        "Ministry of Foreign Affairs and Cooperation, Morocco",
        "MA",
    ),
    "cochair.ec@example.org": (
        "Andrés",
        "Paredes",
        "mr",
        "Undersecretary for Ecuadorians Abroad",
        "Secretaría Nacional del Migrante, Ecuador",
        "EC",
    ),
    "cochair.gr@example.org": (
        "Eleni",
        "Papadaki",
        "ms",
        "Head of the Migration Policy Unit",
        "Ministry of Interior, Greece",
        "GR",
    ),
    "rapporteur.sn@example.org": (
        "Aminata",
        "Diallo",
        "ms",
        "Technical Adviser, Senegalese Abroad",
        "Ministry of Senegalese Abroad, Senegal",
        "SN",
    ),
    TRANSLATOR_FR: ("Claire", "Dubois", "ms", "Translator into French", "GFMD 2010 Task Force, Mexico", ""),
    TRANSLATOR_ES: ("Lucía", "Ortega", "ms", "Translator into Spanish", "GFMD 2010 Task Force, Mexico", ""),
    "rapporteur.pt@example.org": (
        "Miguel",
        "Sousa",
        "mr",
        "Senior Officer, High Commission for Immigration",
        "ACIDI, Portugal",
        "PT",
    ),
}

DEMO_OUTCOME_ACCOUNTS = [
    (CO_CHAIR_ES, "Co-chair's representative of Spain, session 1.1"),
    ("cochair.us@example.org", "Co-chair's representative of the United States, session 1.2"),
    ("cochair.ma@example.org", "Co-chair's representative of Morocco, session 1.2"),
    ("cochair.ec@example.org", "Co-chair's representative of Ecuador, session 2.2"),
    ("cochair.gr@example.org", "Co-chair's representative of Greece, session 2.2"),
    ("rapporteur.sn@example.org", "Rapporteur of session 1.2"),
    ("rapporteur.pt@example.org", "Rapporteur of session 2.2"),
    (TRANSLATOR_FR, "Translator into French, 2010: translated the outcomes of 1.2 (all) and 2.2 (in progress)"),
    (TRANSLATOR_ES, "Translator into Spanish, 2010: translated the outcome of 1.2"),
]
# Language -> the translator into it.
TRANSLATORS = {"fr": TRANSLATOR_FR, "es": TRANSLATOR_ES}

# Session -> (rapporteur, the co-chairs' representatives, the five sections' text).
PUBLISHED = {
    "1.2": (
        "rapporteur.sn@example.org",
        ["cochair.us@example.org", "cochair.ma@example.org"],
        {
            "summary": (
                "<p>The session looked at irregular migration as the other face of regular migration, and at "
                "the partnerships that address it together. Participants agreed that the lack of regular "
                "migration opportunities, or of knowledge about them, is itself a cause of irregular "
                "migration.</p><p>The discussion centred on the most vulnerable: trafficked persons, "
                "indentured workers, women and children, and the families of irregular migrants at home and "
                "abroad. Most irregular migrants are workers, so both the workers and the employers who "
                "engage them in irregular activities were discussed.</p>"
            ),
            "conclusions": (
                "<ul><li>Irregular migration belongs in a comprehensive approach that protects the labour and "
                "human rights of migrants throughout the migration cycle.</li><li>Joint approaches among "
                "origin, transit and destination countries, and with the diaspora, work better than measures "
                "taken alone.</li><li>Reliable data on the real dimensions of the phenomenon, its "
                "geographical distribution and its forms are indispensable to sound policy.</li></ul>"
            ),
            "recommendations": (
                "<ol><li><strong>Open and publicise regular channels</strong>: make legal migration "
                "opportunities known in countries of origin, so that fewer people turn to smugglers.</li>"
                "<li><strong>Protect the vulnerable</strong>: identify and assist victims of trafficking and "
                "exploitation whatever their status.</li><li><strong>Address employers</strong> who engage "
                "workers irregularly, not only the workers.</li><li><strong>Cooperate for development</strong> "
                "that offers people viable alternatives to irregular migration.</li></ol>"
            ),
            "good_practices": (
                "<p>Participants cited bilateral agreements that pair readmission with labour migration "
                "quotas, information campaigns run jointly by origin and destination countries, and "
                "diaspora associations that counsel prospective migrants before they leave.</p>"
            ),
            "follow_up": (
                "<p>The co-chairs propose that the Forum compile the data-sharing arrangements presented, and "
                "that the next meeting take up public perceptions of migrants, to reduce xenophobia and "
                "promote the well-being of migrants in society.</p>"
            ),
        },
    ),
    "2.2": (
        "rapporteur.pt@example.org",
        ["cochair.ec@example.org", "cochair.gr@example.org"],
        {
            "summary": (
                "<p>The session brought gender and family, until now dealt with at the margins of the Forum, "
                "to the centre of the discussion on migration and development. Participants described how "
                "migration changes traditional family structures and relations between women and men, and "
                "how these changes affect the development of children.</p><p>There was broad agreement that "
                "empowering female migrants and the diaspora is a critical factor for family formation, "
                "community development and poverty reduction.</p>"
            ),
            "conclusions": (
                "<ul><li>The migration of women and of men has different effects on the family, at home and "
                "abroad; policies must see both.</li><li>The family is a significant force for social "
                "cohesion and development, and deserves attention in its own right.</li><li>Gender and "
                "family are central to the Millennium Development Goals, and to coherent migration "
                "policy.</li></ul>"
            ),
            "recommendations": (
                "<ol><li><strong>Gender-sensitive migration policies</strong>, including education and "
                "training for emigration, integration and return.</li><li><strong>Support for children and "
                "families</strong> left behind and in host countries, such as child support across "
                "borders.</li><li><strong>Protection of victims</strong> of trafficking and gender-based "
                "exploitation.</li><li><strong>Engagement of migrant and diaspora youth</strong> in the "
                "development of their communities.</li></ol>"
            ),
            "good_practices": (
                "<p>Examples cited included consular programmes that counsel migrant women before departure, "
                "community centres for families of migrants in countries of origin, and schemes that "
                "recognise the skills of returning migrant women.</p>"
            ),
            "follow_up": (
                "<p>The co-chairs invite governments to share data broken down by sex and family situation, "
                "and propose that the Platform for Partnerships collect programmes that work for women and "
                "families in the context of migration and development.</p>"
            ),
        },
    ),
}


def _account(email: str) -> User:
    first, last, honorific, job_title, organisation, _country = PEOPLE[email]
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first,
            "last_name": last,
            "honorific": honorific,
            "job_title": job_title,
            "organisation": organisation,
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _delegation(email: str) -> Delegation:
    return Delegation.objects.get(kind=Delegation.Kind.STATE, country=PEOPLE[email][-1])


def _register(meeting: Meeting, user: User, delegation: Delegation) -> None:
    """An approved registration with the delegation (kept as it is if already approved with it)."""
    registration = Registration.objects.filter(meeting=meeting, person=user).first()
    if (
        registration is not None
        and registration.delegation_id == delegation.pk
        and registration.status == Registration.Status.APPROVED
    ):
        return
    Registration.objects.update_or_create(
        meeting=meeting,
        person=user,
        defaults={"delegation": delegation, "role": Registration.Role.DELEGATE, "status": Registration.Status.APPROVED},
    )


def _representative(meeting: Meeting, session: Session, email: str) -> User:
    user = _account(email)
    delegation = _delegation(email)
    _register(meeting, user, delegation)
    SessionPerson.objects.update_or_create(
        session=session,
        person=user,
        role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE,
        defaults={"delegation": delegation},
    )
    return user


def _publish(session: Session, *, rapporteur: User, co_chairs: list[User], texts: dict[str, str], chair) -> None:
    """Take the session's outcome through the real workflow up to publication, from whatever state it is
    in (so that loading the demo again changes nothing once it is published)."""
    outcome = services.outcome_start(session=session, actor=rapporteur)
    if outcome.state == Outcome.State.PUBLISHED:
        return
    if outcome.is_editable:
        for section in outcome.sections.filter(language=outcome.original_language).select_related("current_revision"):
            if section.html != texts[section.kind]:
                services.section_save(
                    section=section,
                    actor=rapporteur,
                    html=texts[section.kind],
                    base_revision_id=section.current_revision_id,
                )
        outcome = services.outcome_submit(outcome=outcome, actor=rapporteur)
    if outcome.state == Outcome.State.SUBMITTED:
        for co_chair in co_chairs:
            if co_chair.has_perm("outcomes.sign_off_outcome", outcome):
                outcome = services.outcome_approve(outcome=outcome, actor=co_chair)
    outcome = services.outcome_publish(outcome=outcome, actor=chair)
    # Dated on the meeting's closing day, as it happened, not on the day the demo is loaded.
    Outcome.objects.filter(pk=outcome.pk).update(published_at=DEMO_PUBLISHED_AT)
    outcome.approvals.update(approved_at=DEMO_PUBLISHED_AT - dt.timedelta(hours=1))
    ActivityLog.objects.filter(action__startswith="outcomes.outcome.", object_id=str(outcome.pk)).update(
        created_at=DEMO_PUBLISHED_AT
    )


def _translator(meeting: Meeting, email: str, language: str, chair: User) -> User:
    """A demo translator into `language` for the meeting, named by its Chair's office (as if invited)."""
    user = _account(email)
    if user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
    MeetingRole.objects.get_or_create(
        meeting=meeting,
        user=user,
        role=MeetingRole.translator_role(language),
        revoked_at=None,
        defaults={"granted_by": chair},
    )
    return user


def _translate(outcome: Outcome, *, language: str, texts: dict[str, str], translator: User) -> None:
    """The translator's work through the services: each section of `texts` translated from the original's
    published text (a section already translated from it is left alone, so loading again adds nothing),
    then the up-to-date translations published, dated the week after the outcome."""
    for row in translation_rows(outcome, language):
        source = row.original.current_revision
        current = row.translation.current_revision
        if row.kind not in texts or source is None or (current is not None and current.source_id == source.pk):
            continue
        services.section_save(
            section=row.translation,
            actor=translator,
            html=texts[row.kind],
            base_revision_id=row.translation.current_revision_id,
            source_revision_id=source.pk,
        )
    if any(row.publishable for row in translation_rows(outcome, language)):
        services.translation_publish(outcome=outcome, language=language, actor=translator)
        Outcome.objects.filter(pk=outcome.pk).update(translations_published_at=DEMO_TRANSLATED_AT)
        ActivityLog.objects.filter(action="outcomes.translation.published", object_id=str(outcome.pk)).update(
            created_at=DEMO_TRANSLATED_AT
        )


@transaction.atomic
def load_outcome_demo(meeting: Meeting) -> list[tuple[str, str]]:
    """Create (or refresh) the co-chairs' representatives, rapporteurs and translators, and the published
    outcomes of sessions 1.2 and 2.2 with their translations; returns (e-mail, role) to print."""
    _representative(meeting, meeting.sessions.get(code="1.1"), CO_CHAIR_ES)
    chair = User.objects.get(email="chair@example.org")
    for code, (rapporteur_email, co_chair_emails, texts) in PUBLISHED.items():
        session = meeting.sessions.get(code=code)
        rapporteur = _account(rapporteur_email)
        _register(meeting, rapporteur, _delegation(rapporteur_email))
        SessionPerson.objects.get_or_create(session=session, person=rapporteur, role=SessionPerson.Role.RAPPORTEUR)
        co_chairs = [_representative(meeting, session, email) for email in co_chair_emails]
        _publish(session, rapporteur=rapporteur, co_chairs=co_chairs, texts=texts, chair=chair)
    translators = {language: _translator(meeting, email, language, chair) for language, email in TRANSLATORS.items()}
    for code, by_language in TRANSLATIONS.items():
        outcome = Outcome.objects.select_related("session__meeting").get(session__meeting=meeting, session__code=code)
        for language, texts in by_language.items():
            _translate(outcome, language=language, texts=texts, translator=translators[language])
    return DEMO_OUTCOME_ACCOUNTS


# The earlier meetings' part: the outcome of Athens 2009's session 3.1, whose proposed follow-up 2010's
# sessions 3.1 and 3.3 build on ("as recommended in the Athens GFMD", the 2010 concept paper). The
# recommendations paraphrase what the concept paper says Athens recommended; the rest is illustrative.
ILLUSTRATIVE = "<p><em>Illustrative demo text, not the Forum's record.</em></p>"
ATHENS_SESSION = "3.1"
ATHENS_PUBLISHED_AT = dt.datetime(2009, 11, 20, 12, tzinfo=ZoneInfo("Europe/Athens"))
ATHENS_OUTCOME = {
    # Said once, at the top of the outcome.
    "summary": (
        ILLUSTRATIVE + "<p>The session took stock of the tools governments use to know how migration affects their "
        "development: data, research, impact assessments and Migration Profiles, and of the regional "
        "consultative processes where origin and destination countries compare them.</p>"
    ),
    "conclusions": (
        "<ul><li>Policy coherence starts with shared evidence: without comparable data, migration cannot be "
        "mainstreamed in development planning.</li><li>Migration Profiles are a practical tool to gather that "
        "evidence country by country.</li><li>Regional and inter-regional processes are where governments "
        "turn the Forum's conclusions into cooperation.</li></ul>"
    ),
    "recommendations": (
        "<ol><li><strong>Migration Profiles</strong>: governments prepare and keep up to date Migration "
        "Profiles, with the support of international organisations, as a basis for coherent policy.</li>"
        "<li><strong>Regional processes</strong>: regional consultative processes and inter-regional fora "
        "include the migration and development nexus in their agendas and report on it to the Forum.</li>"
        "</ol>"
    ),
    "good_practices": (
        "<p>Participants cited national Migration Profiles prepared with statistical offices, and a meeting of "
        "the heads of regional consultative processes held in Asia in 2009.</p>"
    ),
    "follow_up": (
        "<ol><li><strong>Recommendation 1 (Migration Profiles)</strong>: the next meeting of the Forum takes "
        "stock of the current status and development of Migration Profiles.</li>"
        "<li><strong>Recommendation 2 (regional processes)</strong>: the next meeting again reviews the "
        "activities and progress of regional and inter-regional processes in linking migration and "
        "development, and discusses the 2009 assessment report on regional consultative processes.</li>"
        "</ol>"
    ),
}


@transaction.atomic
def load_archive_outcome_demo(athens: Meeting) -> None:
    """The published outcome of Athens 2009's session 3.1. Portal support enters it into the archive
    through the real workflow (writes, submits, approves in the co-chairs' place, publishes): the 2009
    co-chairs and rapporteur have no accounts in the demo, and 2010's Chair's office writes only 2010."""
    chair = User.objects.get(email="support@example.org")
    session = athens.sessions.get(code=ATHENS_SESSION)
    outcome = services.outcome_start(session=session, actor=chair)
    if outcome.state == Outcome.State.PUBLISHED:
        return
    if outcome.is_editable:
        for section in outcome.sections.filter(language=outcome.original_language).select_related("current_revision"):
            if section.html != ATHENS_OUTCOME[section.kind]:
                services.section_save(
                    section=section,
                    actor=chair,
                    html=ATHENS_OUTCOME[section.kind],
                    base_revision_id=section.current_revision_id,
                )
        outcome = services.outcome_submit(outcome=outcome, actor=chair)
    if outcome.state == Outcome.State.SUBMITTED:
        outcome = services.outcome_approve(outcome=outcome, actor=chair)
    outcome = services.outcome_publish(outcome=outcome, actor=chair)
    Outcome.objects.filter(pk=outcome.pk).update(published_at=ATHENS_PUBLISHED_AT)
    ActivityLog.objects.filter(action__startswith="outcomes.outcome.", object_id=str(outcome.pk)).update(
        created_at=ATHENS_PUBLISHED_AT
    )
