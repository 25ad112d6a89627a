"""Surveys with their questions, invitations (with the links and the mails that carried them),
responses and answers: a consultation of the delegations, an evaluation by the participants and
an anonymous Informal Inquiry, in turn."""

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from accounts.models import User
from delegations.models import Delegation, Registration
from gfmd import languages
from mailings.models import Mailing, OutgoingMail
from mailings.placeholders import render, render_for_outbox
from mailings.templates import default_texts
from roundtables.models import Meeting
from surveys.models import Answer, Invitation, InvitationLink, Option, Question, Response, Section, Survey, SurveyMail

from .text import ANSWERS, TOPICS

BATCH = 2000
UTC = dt.UTC
DELEGATIONS, PARTICIPANTS, INQUIRY = "delegations", "participants", "inquiry"
TITLES = {
    DELEGATIONS: "Consultation of the Steering Group and Friends of the Forum on the theme and roundtables",
    PARTICIPANTS: "Participants' evaluation of the meeting",
    INQUIRY: "Informal Inquiry on policy and institutional coherence",
}


@dataclass
class SurveyPlan:
    kind: str
    invitations: int
    responses: int = 0


def plan(count: int, invitations: int, responses: int, *, delegations: int, people: int) -> list[SurveyPlan]:
    """How many invitations and responses each survey gets. A consultation invites every delegation
    (once there are three surveys or more); the others share the remaining invitations, each person
    invited at most once per survey. Responses are shared in proportion to the invitations."""
    kinds = [[DELEGATIONS, PARTICIPANTS, INQUIRY][n % 3] if count >= 3 else PARTICIPANTS for n in range(count)]
    plans = [SurveyPlan(kind, 0) for kind in kinds]
    consultations = [p for p in plans if p.kind == DELEGATIONS]
    others = [p for p in plans if p.kind != DELEGATIONS]
    for p in consultations:
        p.invitations = min(delegations, invitations // max(count, 1))
    rest = invitations - sum(p.invitations for p in consultations)
    for index, p in enumerate(others):
        p.invitations = min(people, rest // len(others) + (1 if index < rest % len(others) else 0))
    total = sum(p.invitations for p in plans) or 1
    given = 0
    for p in plans:
        p.responses = min(p.invitations, responses * p.invitations // total)
        given += p.responses
    for p in plans:  # what integer division left over
        extra = min(responses - given, p.invitations - p.responses)
        p.responses += max(extra, 0)
        given += max(extra, 0)
    return plans


def _questions(survey: Survey) -> list[Question]:
    first = Section.objects.create(survey=survey, order=1, title_en="The theme and the programme")
    second = Section.objects.create(survey=survey, order=2, title_en="Your participation")
    specs = [
        (first, Question.Kind.SINGLE, "Which roundtable theme matters most to your government?", True),
        (first, Question.Kind.MULTIPLE, "Which topics should the next meeting address?", False),
        (first, Question.Kind.SCALE, "How useful were the background papers?", True),
        (second, Question.Kind.YES_NO, "Would your government join a roundtable team next year?", True),
        (second, Question.Kind.LONG_TEXT, "What should the Chair change for the next meeting?", False),
        (second, Question.Kind.SCALE, "How satisfied are you with the organisation of the meeting?", True),
    ]
    questions = Question.objects.bulk_create(
        Question(section=section, order=order, kind=kind, text_en=text, required=required)
        for order, (section, kind, text, required) in enumerate(specs, start=1)
    )
    conditional = Question.objects.create(
        section=second,
        order=len(specs) + 1,
        kind=Question.Kind.SHORT_TEXT,
        text_en="Which session's team would you join?",
        show_if_question=questions[3],
        show_if_value="yes",
    )
    Option.objects.bulk_create(
        [Option(question=questions[0], order=n, label_en=f"Roundtable {n}") for n in range(1, 5)]
        + [Option(question=questions[1], order=n, label_en=TOPICS[n].capitalize()) for n in range(1, 6)]
    )
    return [*questions, conditional]


def _answers(rng: random.Random, response: Response, questions: list[Question], options: dict) -> list[Answer]:
    single, multiple, useful, join, change, satisfied, which = questions
    values = {
        single: rng.choice(options[single.pk]),
        multiple: rng.sample(options[multiple.pk], rng.randint(1, 3)),
        useful: rng.randint(1, 5),
        join: rng.random() < 0.6,
        satisfied: rng.randint(2, 5),
    }
    if rng.random() < 0.7:
        values[change] = rng.choice(ANSWERS)
    if values[join]:
        values[which] = f"Session {rng.randint(1, 3)}.{rng.randint(1, 3)}"
    return [Answer(response=response, question=question, value=value) for question, value in values.items()]


def surveys(
    rng: random.Random,
    *,
    meeting: Meeting,
    plans: list[SurveyPlan],
    delegations: list[Delegation],
    focal_points: dict[int, User],
    registrations: list[Registration],
    chair: User,
) -> list[Survey]:
    made = []
    names: dict[int, str] = {}  # display names, worked out once per person
    for number, p in enumerate(plans):
        opens_at = dt.datetime(2010, 2, 1, 9, tzinfo=UTC) + dt.timedelta(days=7 * number)
        survey = Survey.objects.create(
            meeting=meeting,
            title_en=TITLES[p.kind] + (f" ({number // 3 + 1})" if number >= 3 else ""),
            introduction_en="The Chair's office would be grateful for your views before the meeting.",
            opens_at=opens_at,
            closes_at=opens_at + dt.timedelta(days=30),
            anonymous=p.kind == INQUIRY,
            created_by=chair,
        )
        questions = _questions(survey)
        options = {
            question.pk: list(question.options.order_by("order").values_list("pk", flat=True))
            for question in questions[:2]
        }
        if p.kind == DELEGATIONS:
            invited = rng.sample(delegations, p.invitations)
            invitations = [Invitation(survey=survey, delegation=d, invited_by=chair) for d in invited]
        else:
            chosen = rng.sample(registrations, p.invitations)
            invitations = [
                Invitation(survey=survey, delegation=r.delegation, person=r.person, invited_by=chair) for r in chosen
            ]
        # Who responded, decided before the rows are written (so no update is needed afterwards).
        answered = rng.sample(invitations, p.responses)
        for invitation in answered:
            submitted_at = opens_at + dt.timedelta(minutes=rng.randint(60, 60 * 24 * 29))
            if survey.anonymous:  # only the day is kept, and the response is cut from its invitation
                submitted_at = submitted_at.replace(hour=0, minute=0)
            invitation.submitted_at = submitted_at
        invitations = Invitation.objects.bulk_create(invitations, batch_size=BATCH)
        _mails(rng, survey, invitations, focal_points, names)
        responses = Response.objects.bulk_create(
            [
                Response(
                    survey=survey,
                    invitation=None if survey.anonymous else invitation,
                    state=Response.State.SUBMITTED,
                    updated_at=invitation.submitted_at,
                    submitted_at=invitation.submitted_at,
                )
                for invitation in answered
            ],
            batch_size=BATCH,
        )
        Answer.objects.bulk_create(
            [answer for response in responses for answer in _answers(rng, response, questions, options)],
            batch_size=BATCH,
        )
        made.append(survey)
    return made


def _mails(rng, survey: Survey, invitations: list[Invitation], focal_points: dict, names: dict) -> None:
    """The invitation mailing as it went out: one sent mail and one link per recipient."""
    subjects, bodies = default_texts("surveys.invitation")
    released_at = survey.opens_at
    mailing = Mailing(
        title=f"Survey invitation: {survey.title_en}",
        state=Mailing.State.DONE,
        meeting=survey.meeting,
        created_by=survey.created_by,
        released_by=survey.created_by,
        released_at=released_at,
        last_progress_at=released_at,
        finished_at=released_at + dt.timedelta(minutes=5),
    )
    for language in languages.CODES:
        setattr(mailing, f"subject_template_{language}", subjects[language])
        setattr(mailing, f"body_template_{language}", bodies[language])
    mailing.save()
    recipients = []
    for invitation in invitations:
        person = invitation.person if invitation.person_id else focal_points.get(invitation.delegation_id)
        if person is None:
            continue
        recipients.append((invitation, person))
    rows, links = [], []
    for invitation, person in recipients:
        language = person.preferred_language or "en"
        if person.pk not in names:
            names[person.pk] = person.display_name
        values = {
            "name": names[person.pk],
            "survey": survey.title_en,
            "closing_date": f"{survey.closes_at:%d %B %Y}",
            "delegation": invitation.delegation.name if invitation.delegation_id else person.organisation,
        }
        rows.append(
            OutgoingMail(
                mailing=mailing,
                to=person.email,
                to_name=names[person.pk],
                to_description=values["delegation"],
                language=language,
                subject=render(subjects[language], values)[:300],
                body_text=render_for_outbox(bodies[language], values),
                link_kind="surveys.invitation",
                link_object_id=invitation.pk,
                state=OutgoingMail.State.SENT,
                attempts=1,
                sent_at=released_at + dt.timedelta(minutes=1),
            )
        )
        links.append(InvitationLink(invitation=invitation, token_hash=hashlib.sha256(rng.randbytes(32)).hexdigest()))
    rows = OutgoingMail.objects.bulk_create(rows, batch_size=BATCH)
    InvitationLink.objects.bulk_create(links, batch_size=BATCH)
    SurveyMail.objects.bulk_create(
        [
            SurveyMail(invitation=invitation, person=person, mail=row)
            for (invitation, person), row in zip(recipients, rows, strict=True)
        ],
        batch_size=BATCH,
    )
