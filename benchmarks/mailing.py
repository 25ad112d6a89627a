"""The mail benchmark's work inside Django: a survey sent to N recipients through the portal's real
path (survey_invite writes the outbox, mailing_release hands it to the Celery worker, which sends
over SMTP); a mailing the Chair's office composes to the meeting's N approved participants
(communications: composed_create, then composed_put_in_outbox resolves the audience and writes the
outbox, then the same release and worker); and the yardstick: a plain smtplib loop sending the same
mails on one connection.

Called by `manage.py bench_mail` from the runner (benchmarks.runner.mail), which starts the SMTP
server and the worker around it."""

import datetime as dt
import random
import secrets
import smtplib
import time
from email.message import EmailMessage
from email.utils import make_msgid

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from communications.models import Audience, ComposedMailing
from communications.services import Draft, composed_create, composed_put_in_outbox
from delegations.models import Delegation, Registration
from mailings.models import Mailing, OutgoingMail
from mailings.placeholders import finalize
from mailings.services import mailing_release
from mailings.templates import default_texts
from roundtables.models import Meeting, MeetingRole
from surveys.audiences import AudiencePlan, Target
from surveys.models import Section, Survey
from surveys.services import survey_invite

from .scale.text import FIRST_NAMES, LAST_NAMES

RECIPIENT_DOMAIN = "recipients.bench.example.org"


def _chair() -> User:
    chair = (
        User.objects.filter(meeting_roles__role=MeetingRole.Role.CHAIR_STAFF, meeting_roles__revoked_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if chair is None:
        raise LookupError("No Chair's office account: generate the scale data first.")
    return chair


def recipients(count: int, *, meeting: Meeting, seed: int = 2010) -> list[tuple[User, object]]:
    """(person, delegation) for `count` recipients: the meeting's approved participants, then
    people made for the purpose when there are fewer participants than that (made once, reused)."""
    registrations = (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)
        .select_related("person", "delegation")
        .order_by("pk")[:count]
    )
    pairs = [(registration.person, registration.delegation) for registration in registrations]
    missing = count - len(pairs)
    if missing > 0:
        made = list(User.objects.filter(email__endswith="@" + RECIPIENT_DOMAIN).order_by("pk")[:missing])
        if len(made) < missing:
            rng = random.Random(f"{seed}:recipients:{len(made)}")
            password = make_password(None)
            User.objects.bulk_create(
                [
                    User(
                        email=f"r{n:06d}@{RECIPIENT_DOMAIN}",
                        first_name=rng.choice(FIRST_NAMES),
                        last_name=rng.choice(LAST_NAMES),
                        organisation="Friends of the Forum",
                        preferred_language=rng.choice(["en", "en", "en", "fr", "es"]),
                        password=password,
                    )
                    for n in range(len(made), missing)
                ],
                batch_size=2000,
            )
            made = list(User.objects.filter(email__endswith="@" + RECIPIENT_DOMAIN).order_by("pk")[:missing])
        pairs += [(person, None) for person in made]
    return pairs


def prepare(*, recipients_count: int, seed: int = 2010) -> dict:
    """A new open survey and its invitation mailing to `recipients_count` people, waiting in the
    outbox as the Chair's office would leave it before pressing Send."""
    meeting = Meeting.objects.current()
    chair = _chair()
    pairs = recipients(recipients_count, meeting=meeting, seed=seed)
    now = timezone.now()
    number = Survey.objects.filter(meeting=meeting, title_en__startswith="Benchmark survey").count() + 1
    survey = Survey.objects.create(
        meeting=meeting,
        title_en=f"Benchmark survey {number}",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=30),
        created_by=chair,
    )
    Section.objects.create(survey=survey, order=1, title_en="Your views")
    plan = AudiencePlan(targets=[Target(delegation=d, person=p, recipients=[p]) for p, d in pairs])
    subjects, bodies = default_texts("surveys.invitation")
    started = time.perf_counter()
    mailing = survey_invite(survey=survey, plan=plan, subjects=subjects, bodies=bodies, actor=chair)
    return {
        "mailing": mailing.pk,
        "survey": survey.pk,
        "mails": mailing.mails.count(),
        "outbox_seconds": round(time.perf_counter() - started, 3),
    }


COMPOSED_TITLE = "Benchmark logistics note"
# A logistics note as the Chair's office writes one: English and Spanish, every placeholder of a composed
# mailing used; French is left out on purpose, so its readers get the English text under the note.
COMPOSED_SUBJECTS = {
    "en": "{meeting}: practical information",
    "es": "{meeting}: información práctica",
}
COMPOSED_BODIES = {
    "en": (
        "Dear {name},\n\nAs a participant for {delegation} in {meeting}, please find below the practical "
        "arrangements: badges are collected at the registration desk from 8:00, the plenary hall opens at "
        "9:00, and interpretation is offered in English, French and Spanish.\n\nThe Chair's office"
    ),
    "es": (
        "Estimado/a {name}:\n\nComo participante de {delegation} en {meeting}, encontrará a continuación la "
        "información práctica: las credenciales se recogen en el mostrador de inscripción desde las 8:00, la "
        "sala plenaria abre a las 9:00 y se ofrece interpretación en inglés, francés y español.\n\n"
        "La oficina de la Presidencia"
    ),
}


def approved_participants(count: int, *, meeting: Meeting, seed: int = 2010) -> int:
    """Make the meeting have at least `count` approved participants and return how many it has: the people
    made for the purpose (recipients()) are registered, approved, in the meeting's delegations in turn
    (made once, reused: a second call adds nobody)."""
    approved = Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)
    missing = count - approved.count()
    if missing <= 0:
        return approved.count()
    made = [person for person, delegation in recipients(count, meeting=meeting, seed=seed) if delegation is None]
    registered = set(Registration.objects.filter(meeting=meeting, person__in=made).values_list("person_id", flat=True))
    delegations = list(Delegation.objects.filter(registrations__meeting=meeting).distinct().order_by("pk"))
    if not delegations:
        raise LookupError("The meeting has no delegation: generate the scale data first.")
    chair, now = _chair(), timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                meeting=meeting,
                person=person,
                delegation=delegations[n % len(delegations)],
                role=Registration.Role.DELEGATE,
                status=Registration.Status.APPROVED,
                decided_by=chair,
                decided_at=now,
            )
            for n, person in enumerate(p for p in made if p.pk not in registered)
        ],
        batch_size=2000,
    )
    return approved.count()


def prepare_composed(*, recipients_count: int, seed: int = 2010) -> dict:
    """A logistics note the Chair's office composes to all the approved participants of the meeting (at
    least `recipients_count` of them), put in the outbox through the communications services: the timed
    step is composed_put_in_outbox, which resolves the audience in SQL and writes one held mail a person."""
    meeting = Meeting.objects.current()
    chair = _chair()
    participants = approved_participants(recipients_count, meeting=meeting, seed=seed)
    number = ComposedMailing.objects.filter(meeting=meeting, title__startswith=COMPOSED_TITLE).count() + 1
    draft = Draft(
        title=f"{COMPOSED_TITLE} {number}",
        audience=Audience.PARTICIPANTS,
        subjects=COMPOSED_SUBJECTS,
        bodies=COMPOSED_BODIES,
    )
    composed = composed_create(meeting=meeting, actor=chair, draft=draft)
    started = time.perf_counter()
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    return {
        "mailing": mailing.pk,
        "composed": composed.pk,
        "participants": participants,
        "mails": mailing.mails.count(),
        "outbox_seconds": round(time.perf_counter() - started, 3),
    }


def send(*, mailing_id: int, timeout: float = 600) -> dict:
    """Press Send (mailing_release) and wait until the worker has finished the mailing. The time is
    the mailing's own: from its release to the worker's last mail (finished_at - released_at)."""
    mailing = Mailing.objects.get(pk=mailing_id)
    started = time.monotonic()
    mailing_release(mailing=mailing, actor=_chair())  # its task is queued when the release commits
    while not Mailing.objects.filter(pk=mailing_id, state=Mailing.State.DONE).exists():
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"The worker did not finish mailing {mailing_id} in {timeout} s.")
        time.sleep(0.05)
    mailing.refresh_from_db()
    states = _state_counts(mailing_id)
    seconds = (mailing.finished_at - mailing.released_at).total_seconds()
    return {
        "mailing": mailing_id,
        "sent": states.get(OutgoingMail.State.SENT, 0),
        "states": states,
        "seconds": round(seconds, 3),
        "wall_seconds": round(time.monotonic() - started, 3),
    }


def _state_counts(mailing_id: int) -> dict[str, int]:
    rows = OutgoingMail.objects.filter(mailing_id=mailing_id).order_by().values("state").annotate(n=Count("pk"))
    return {row["state"]: row["n"] for row in rows}


def plain_loop(*, mailing_id: int, host: str, port: int) -> dict:
    """The yardstick: the same mails (recipient, subject, text with a personal link of the same
    length) sent by a plain loop over one smtplib connection, with nothing else around it."""
    rows = list(
        OutgoingMail.objects.filter(mailing_id=mailing_id).order_by("pk").values_list("to", "subject", "body_text")
    )
    sender = settings.DEFAULT_FROM_EMAIL
    prefix = f"{settings.SITE_URL}/surveys/r/"
    mails = [(to, subject, finalize(body, link=f"{prefix}{secrets.token_urlsafe(32)}/")) for to, subject, body in rows]
    started = time.perf_counter()
    with smtplib.SMTP(host, port) as connection:
        for to, subject, body in mails:
            message = EmailMessage()
            message["From"], message["To"], message["Subject"] = sender, to, subject
            message["Message-ID"] = make_msgid(domain="gfmd.example.org")
            message.set_content(body)
            connection.send_message(message)
    seconds = time.perf_counter() - started
    return {"mailing": mailing_id, "sent": len(mails), "seconds": round(seconds, 3)}
