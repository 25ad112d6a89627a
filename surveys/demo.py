"""Demo data for surveys: the Chair's consultations of 2010, with questions drawn from the concept
paper, and some answers.

- The survey of the Steering Group and the Friends of the Forum on the proposed theme and
  roundtables (January and February 2010).
- The Informal Inquiry on policy and institutional coherence with interested states (anonymous).

So that a mailing to the Friends of the Forum reaches a realistic number of people, every state and
observer of the Friends of the Forum without a focal point gets a demo one
(focalpoint.<code>@example.org, no password: they answer through their link), writing in Spanish
or French where that is the country's language. Safe to run again: nothing is created twice.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.db import transaction

from delegations.models import Delegation, MeetingMembership
from roundtables.models import Meeting
from surveys.demo_people import load_demo_focal_points
from surveys.models import Answer, Invitation, Option, Question, Response, Section, Survey

VALLARTA = ZoneInfo("America/Mexico_City")


def _at(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=VALLARTA)


def _survey(meeting: Meeting, titles: dict, introductions: dict, *, opens_at, closes_at, anonymous: bool) -> Survey:
    survey = Survey(meeting=meeting, opens_at=opens_at, closes_at=closes_at, anonymous=anonymous)
    for code in ("en", "fr", "es"):
        setattr(survey, f"title_{code}", titles[code])
        setattr(survey, f"introduction_{code}", introductions[code])
    survey.save()
    return survey


def _section(survey: Survey, order: int, titles: tuple[str, str, str]) -> Section:
    return Section.objects.create(
        survey=survey, order=order, title_en=titles[0], title_fr=titles[1], title_es=titles[2]
    )


def _question(section: Section, order: int, kind: str, text: str, *, options=(), required=False, show_if=None):
    question = Question.objects.create(
        section=section,
        order=order,
        kind=kind,
        text_en=text,
        required=required,
        show_if_question=show_if[0] if show_if else None,
        show_if_value=show_if[1] if show_if else "",
    )
    Option.objects.bulk_create(
        Option(question=question, order=index, label_en=label) for index, label in enumerate(options, start=1)
    )
    return question


def _option(question: Question, index: int) -> int:
    return list(question.options.order_by("order").values_list("pk", flat=True))[index]


def _answer_all(survey: Survey, invitations: list[Invitation], answer_for, *, start: dt.datetime, rng) -> None:
    """Submit a response for each invitation, with answer_for(rng) -> {question: value}."""
    responses, answers = [], []
    for index, invitation in enumerate(invitations):
        submitted = start + dt.timedelta(days=index % 30, hours=rng.randint(0, 8))
        if survey.anonymous:
            submitted = submitted.replace(hour=12, minute=0)
        invitation.submitted_at = submitted
        responses.append(
            (
                Response(
                    survey=survey,
                    invitation=None if survey.anonymous else invitation,
                    state=Response.State.SUBMITTED,
                    submitted_at=submitted,
                    updated_at=submitted,
                ),
                answer_for(rng),
            )
        )
    Invitation.objects.bulk_update(invitations, ["submitted_at"])
    created = Response.objects.bulk_create([response for response, _ in responses])
    for response, (_, values) in zip(created, responses, strict=True):
        answers.extend(
            Answer(response=response, question=question, value=value)
            for question, value in values.items()
            if value is not None and value != []
        )
    Answer.objects.bulk_create(answers)


def _invite(survey: Survey, delegations, *, invited_at: dt.datetime) -> list[Invitation]:
    invitations = Invitation.objects.bulk_create(Invitation(survey=survey, delegation=d) for d in delegations)
    Invitation.objects.filter(survey=survey).update(created_at=invited_at)
    return invitations


def _theme_survey(meeting: Meeting, rng: random.Random) -> None:
    title_en = "Survey of the Steering Group and the Friends of the Forum on the proposed theme and roundtables"
    if Survey.objects.filter(meeting=meeting, title_en=title_en).exists():
        return
    survey = _survey(
        meeting,
        {
            "en": title_en,
            "fr": "Enquête auprès du Groupe de pilotage et des Amis du Forum sur le thème et les tables rondes "
            "proposés",
            "es": "Encuesta al Grupo Directivo y a los Amigos del Foro sobre el tema y las mesas redondas propuestos",
        },
        {
            "en": "Mexico proposes as the central theme of the Fourth GFMD Meeting: “Partnerships for migration and "
            "human development: shared prosperity – shared responsibility”. Your answers will shape the concept "
            "paper and the preparation of the roundtable sessions and their background papers.",
            "fr": "Le Mexique propose comme thème central de la quatrième réunion du FMMD : « Partenariats pour la "
            "migration et le développement humain : prospérité partagée – responsabilité partagée ».",
            "es": "México propone como tema central de la Cuarta Reunión del FMMD: «Alianzas para la migración y el "
            "desarrollo humano: prosperidad compartida – responsabilidad compartida».",
        },
        opens_at=_at(2010, 1, 11),
        closes_at=_at(2010, 2, 26, 18),
        anonymous=False,
    )
    theme = _section(survey, 1, ("The proposed theme", "Le thème proposé", "El tema propuesto"))
    support = _question(
        theme,
        1,
        Question.Kind.SINGLE,
        "Does your government support the proposed central theme, “Partnerships for migration and human "
        "development: shared prosperity – shared responsibility”?",
        options=["Yes, as proposed", "Yes, with changes", "No"],
        required=True,
    )
    changes = _question(
        theme,
        2,
        Question.Kind.LONG_TEXT,
        "Which changes to the theme would your government propose?",
        show_if=(support, str(_option(support, 1))),
    )
    human_development = _question(
        theme,
        3,
        Question.Kind.SCALE,
        "How useful is a human development perspective (health, education, gender, the human rights of migrants) "
        "for the Forum's debate?",
    )
    roundtables = _section(survey, 2, ("The roundtables", "Les tables rondes", "Las mesas redondas"))
    sessions = list(meeting.sessions.filter(kind="roundtable").order_by("code"))
    follow = _question(
        roundtables,
        1,
        Question.Kind.MULTIPLE,
        "Which roundtable sessions would your government like to follow most closely?",
        options=[f"{s.code} {s.title_en}" for s in sessions]
        or ["RT 1 Partnerships", "RT 2 Human mobility", "RT 3 Policy coherence"],
    )
    climate = _question(
        roundtables,
        2,
        Question.Kind.YES_NO,
        "Should Roundtable 3 devote a third session to climate change and its impact on migration and development?",
    )
    volunteer = _question(
        roundtables,
        3,
        Question.Kind.YES_NO,
        "Would your government volunteer to co-chair or join the team of a roundtable session?",
        required=True,
    )
    which = _question(
        roundtables,
        4,
        Question.Kind.SINGLE,
        "Which roundtable?",
        options=[
            "RT 1 Partnerships for migration and development",
            "RT 2 Human mobility and human development",
            "RT 3 Policy and institutional coherence",
        ],
        show_if=(volunteer, "yes"),
        required=True,
    )
    comments = _question(
        roundtables, 5, Question.Kind.LONG_TEXT, "Other comments on the roundtables or on the Future of the Forum"
    )

    invited = list(
        Delegation.objects.filter(memberships__meeting=meeting, memberships__friends_of_the_forum=True).order_by("name")
    )
    invitations = _invite(survey, invited, invited_at=_at(2010, 1, 11))
    in_steering = set(
        MeetingMembership.objects.filter(meeting=meeting, steering_group=True).values_list("delegation_id", flat=True)
    )
    steering = [i for i in invitations if i.delegation_id in in_steering]
    others = [i for i in invitations if i.delegation_id not in in_steering]
    answered = rng.sample(steering, k=round(len(steering) * 0.8)) + rng.sample(others, k=round(len(others) * 0.3))
    support_options = list(support.options.order_by("order").values_list("pk", flat=True))
    follow_options = list(follow.options.order_by("order").values_list("pk", flat=True))
    which_options = list(which.options.order_by("order").values_list("pk", flat=True))
    remarks = [
        "We would welcome a stronger focus on the protection of migrants in a vulnerable situation.",
        "Please keep irregular migration within a comprehensive approach of shared responsibility.",
        "Linking data and research to policy making deserves its own place in the programme.",
        "The gender and family session is a welcome novelty; we suggest involving diaspora organisations.",
        "We support the continuity with Athens and Manila and would like follow-up of their recommendations.",
    ]
    proposed_changes = [
        "Mention the root causes of migration explicitly.",
        "Replace “human development” with “development” to keep the Forum's usual scope.",
        "Add a reference to the role of diaspora partnerships.",
    ]

    def answer_for(rng):
        choice = rng.choices(support_options, weights=[6, 3, 1])[0]
        volunteers = rng.random() < 0.45
        return {
            support: choice,
            changes: rng.choice(proposed_changes) if choice == support_options[1] else None,
            human_development: rng.choices([2, 3, 4, 5], weights=[1, 3, 5, 4])[0],
            follow: sorted(rng.sample(follow_options, k=rng.randint(1, 3)), key=follow_options.index),
            climate: rng.random() < 0.7,
            volunteer: volunteers,
            which: rng.choice(which_options) if volunteers else None,
            comments: rng.choice(remarks) if rng.random() < 0.5 else None,
        }

    _answer_all(survey, answered, answer_for, start=_at(2010, 1, 18), rng=rng)


def _coherence_inquiry(meeting: Meeting, rng: random.Random) -> None:
    title_en = "Informal Inquiry on policy and institutional coherence"
    if Survey.objects.filter(meeting=meeting, title_en=title_en).exists():
        return
    survey = _survey(
        meeting,
        {
            "en": title_en,
            "fr": "Enquête informelle sur la cohérence des politiques et des institutions",
            "es": "Consulta informal sobre coherencia política e institucional",
        },
        {
            "en": "Carried out with interested GFMD participating states alongside the background paper of "
            "session 3.1; the findings will be presented at the Mexico meeting. The inquiry is anonymous: "
            "the Chair's office sees which governments responded, never which answers are theirs.",
            "fr": "Menée avec les États participants intéressés, en parallèle au document de travail de la "
            "session 3.1. L'enquête est anonyme.",
            "es": "Realizada con los Estados participantes interesados, en paralelo al documento de trabajo de la "
            "sesión 3.1. La consulta es anónima.",
        },
        opens_at=_at(2010, 4, 12),
        closes_at=_at(2010, 6, 30, 18),
        anonymous=True,
    )
    institutions = _section(
        survey,
        1,
        ("Coherent institutional arrangements", "Arrangements institutionnels", "Arreglos institucionales"),
    )
    mechanism = _question(
        institutions,
        1,
        Question.Kind.YES_NO,
        "Does your government have a mechanism that coordinates migration and development policies across ministries?",
        required=True,
    )
    members = _question(
        institutions,
        2,
        Question.Kind.MULTIPLE,
        "Which institutions take part in it?",
        options=[
            "Foreign affairs",
            "Interior or home affairs",
            "Labour",
            "Development cooperation",
            "Planning or finance",
            "A diaspora institution",
            "Local authorities",
            "Civil society (consulted)",
        ],
        show_if=(mechanism, "yes"),
    )
    coherent = _question(
        institutions,
        3,
        Question.Kind.SCALE,
        "How coherent are your government's migration and development policies today?",
    )
    data = _section(survey, 2, ("Data, research and assessment", "Données et recherche", "Datos e investigación"))
    profile = _question(
        data, 1, Question.Kind.YES_NO, "Does your country have a Migration Profile, or is one being prepared?"
    )
    prsp = _question(
        data,
        2,
        Question.Kind.YES_NO,
        "Is migration addressed in your national development plan or Poverty Reduction Strategy Paper (PRSP)?",
    )
    indicators = _question(
        data,
        3,
        Question.Kind.SINGLE,
        "Does your government assess the impact of migration on economic and social development with indicators?",
        options=["Yes, regularly", "Occasionally", "Not yet"],
    )
    regional = _section(
        survey,
        3,
        ("Regional processes and climate change", "Processus régionaux et climat", "Procesos regionales y clima"),
    )
    rcps = _question(
        regional,
        1,
        Question.Kind.MULTIPLE,
        "In which regional consultative processes (RCPs) or inter-regional fora does your government take part?",
        options=[
            "Regional Conference on Migration (Puebla Process)",
            "South American Conference on Migration",
            "Colombo Process",
            "Abu Dhabi Dialogue",
            "Budapest Process",
            "Rabat Process",
            "Migration Dialogue for Southern Africa (MIDSA)",
            "Bali Process",
        ],
    )
    napa = _question(
        regional,
        2,
        Question.Kind.SHORT_TEXT,
        "Does your National Adaptation Programme of Action (NAPA) on climate change consider migration?",
    )
    practices = _question(
        regional,
        3,
        Question.Kind.LONG_TEXT,
        "Which good practice of policy and institutional coherence would your government share at the meeting?",
    )
    steering = list(
        Delegation.objects.filter(
            memberships__meeting=meeting, memberships__steering_group=True, kind=Delegation.Kind.STATE
        ).order_by("name")
    )
    invitations = _invite(survey, rng.sample(steering, k=min(24, len(steering))), invited_at=_at(2010, 4, 12))
    answered = rng.sample(invitations, k=min(15, len(invitations)))
    member_options = list(members.options.order_by("order").values_list("pk", flat=True))
    rcp_options = list(rcps.options.order_by("order").values_list("pk", flat=True))
    indicator_options = list(indicators.options.order_by("order").values_list("pk", flat=True))
    napas = ["Yes, as an adaptation strategy", "Not yet", "Under review", "Not applicable"]
    good_practices = [
        "An inter-ministerial committee on migration and development chaired by the planning ministry.",
        "A diaspora desk in every embassy reporting to one national diaspora office.",
        "Migration questions added to the national household survey, shared with the statistics office.",
        "Joint programming of development cooperation and labour mobility agreements.",
        "Local authorities associated with return and reintegration programmes.",
    ]

    def answer_for(rng):
        has_mechanism = rng.random() < 0.6
        return {
            mechanism: has_mechanism,
            members: sorted(rng.sample(member_options, k=rng.randint(2, 5)), key=member_options.index)
            if has_mechanism
            else None,
            coherent: rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 4, 3, 1])[0],
            profile: rng.random() < 0.55,
            prsp: rng.random() < 0.5,
            indicators: rng.choices(indicator_options, weights=[2, 4, 4])[0],
            rcps: sorted(rng.sample(rcp_options, k=rng.randint(1, 3)), key=rcp_options.index),
            napa: rng.choice(napas),
            practices: rng.choice(good_practices) if rng.random() < 0.7 else None,
        }

    _answer_all(survey, answered, answer_for, start=_at(2010, 4, 20), rng=rng)


@transaction.atomic
def load_survey_demo(meeting: Meeting) -> None:
    load_demo_focal_points(meeting)
    rng = random.Random(2010)  # the same answers on every machine
    _theme_survey(meeting, rng)
    _coherence_inquiry(meeting, rng)
