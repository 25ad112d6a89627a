"""Published outcomes: five sections each, saved in one to three revisions by the session's rapporteur,
approved by both co-chair governments and published by the Chair's office."""

import datetime as dt
import random

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import User
from gfmd import languages
from outcomes.models import Approval, Outcome, OutcomeRevision, OutcomeSection
from roundtables.models import Session, SessionPerson

from .text import outcome_html

BATCH = 2000


def outcomes(
    rng: random.Random, *, sessions: list[Session], teams: dict, focal_points: dict[int, User], chair: User
) -> list[Outcome]:
    now = timezone.now()
    rows = Outcome.objects.bulk_create(
        [
            Outcome(
                session=session,
                state=Outcome.State.PUBLISHED,
                submitted_at=now - dt.timedelta(days=3),
                approved_at=now - dt.timedelta(days=2),
                published_at=now - dt.timedelta(days=1),
                published_by=chair,
            )
            for session in sessions
        ],
        batch_size=BATCH,
    )
    # Written in English; the French and Spanish sections exist (as outcome_start makes them), untranslated.
    OutcomeSection.objects.bulk_create(
        [
            OutcomeSection(outcome=outcome, kind=kind, order=order, language=language)
            for outcome in rows
            for order, kind in enumerate(OutcomeSection.Kind.values, start=1)
            for language in languages.TRANSLATED
        ],
        batch_size=BATCH,
    )
    sections = OutcomeSection.objects.bulk_create(
        [
            OutcomeSection(outcome=outcome, kind=kind, order=order, language=languages.DEFAULT)
            for outcome in rows
            for order, kind in enumerate(OutcomeSection.Kind.values, start=1)
        ],
        batch_size=BATCH,
    )
    rapporteur = {
        outcome.pk: (teams.get(outcome.session_id, {}).get(SessionPerson.Role.RAPPORTEUR) or [chair])[0]
        for outcome in rows
    }
    # Revision n of a section is based on revision n - 1: written in rounds, so each base has its id.
    wanted = {section.pk: rng.randint(1, 3) for section in sections}
    latest: dict[int, OutcomeRevision] = {}
    for number in range(1, max(wanted.values(), default=0) + 1):
        batch = [
            OutcomeRevision(
                section=section,
                number=number,
                html=outcome_html(rng, section.kind),
                author=rapporteur[section.outcome_id],
                base=latest.get(section.pk),
            )
            for section in sections
            if wanted[section.pk] >= number
        ]
        for revision in OutcomeRevision.objects.bulk_create(batch, batch_size=BATCH):
            latest[revision.section_id] = revision
    newest = OutcomeRevision.objects.filter(section=OuterRef("pk")).order_by("-number").values("pk")[:1]
    OutcomeSection.objects.filter(outcome__in=rows, language=languages.DEFAULT).update(
        current_revision=Subquery(newest), published_revision=Subquery(newest)
    )
    Approval.objects.bulk_create(
        [
            Approval(outcome=outcome, delegation=delegation, approved_by=focal_points.get(delegation.pk))
            for outcome in rows
            for delegation in teams.get(outcome.session_id, {}).get("co_chairs", [])
        ],
        batch_size=BATCH,
    )
    return rows
