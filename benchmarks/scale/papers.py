"""Papers with their versions, translations, authors and comments, in every state of the workflow.

Every version and translation points at one small PDF written once through the storage API: the
rows are what the pages read, and a file per row would only slow the generator down."""

import datetime as dt
import hashlib
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import User
from gfmd import languages
from papers.demo import pdf_document
from papers.models import Comment, FileFormat, Paper, Translation, Version
from roundtables.models import Session, SessionPerson

from .text import SENTENCES, paper_title, sentences

BATCH = 2000
# The meeting has been held: most papers are published, the rest stopped somewhere on the way.
STATES = (
    [Paper.State.PUBLISHED] * 55
    + [Paper.State.ACCEPTED] * 10
    + [Paper.State.IN_REVIEW] * 8
    + [Paper.State.SUBMITTED] * 7
    + [Paper.State.REVISION_REQUESTED] * 5
    + [Paper.State.DRAFT] * 10
    + [Paper.State.WITHDRAWN] * 3
    + [Paper.State.REJECTED] * 2
)
OTHER_KINDS = [Paper.Kind.ANNEX, Paper.Kind.CASE_STUDY, Paper.Kind.GOVERNMENT_CONTRIBUTION]
KIND_WORDS = {
    Paper.Kind.BACKGROUND: "Background paper",
    Paper.Kind.ANNEX: "Annex",
    Paper.Kind.CASE_STUDY: "Country case study",
    Paper.Kind.GOVERNMENT_CONTRIBUTION: "Government contribution",
}


def _stored_pdf() -> tuple[str, int, str]:
    content = pdf_document("GFMD benchmark paper", ["A small generated document that every version points at."])
    name = "papers/bench-paper.pdf"
    if not default_storage.exists(name):  # the same bytes every time: written once, then reused
        name = default_storage.save(name, ContentFile(content))
    return name, len(content), hashlib.sha256(content).hexdigest()


def papers(
    rng: random.Random,
    *,
    count: int,
    sessions: list[Session],
    teams: dict,
    people: list[User],
) -> list[Paper]:
    """`count` papers spread evenly over the sessions: the first of each session is its background
    paper (one per session, a database constraint), the others annexes, case studies and contributions."""
    if not sessions or not count:
        return []
    file_name, size, sha256 = _stored_pdf()
    now = timezone.now()
    rows, authors_of, states = [], [], []
    for n in range(count):
        session = sessions[n % len(sessions)]
        kind = Paper.Kind.BACKGROUND if n < len(sessions) else OTHER_KINDS[n % len(OTHER_KINDS)]
        team = teams.get(session.pk, {})
        authors = team.get(SessionPerson.Role.AUTHOR) if kind == Paper.Kind.BACKGROUND else None
        authors = authors or rng.sample(people, min(len(people), rng.randint(1, 2)))
        state = rng.choice(STATES)
        language = rng.choice(["en"] * 8 + ["fr", "es"])
        title = paper_title(rng, KIND_WORDS[kind])
        abstract = sentences(rng, rng.randint(3, 5))
        paper = Paper(
            session=session,
            kind=kind,
            language=language,
            # Accepted and published papers need their accepted version: they get their state with it below.
            state=Paper.State.IN_REVIEW if state in (Paper.State.ACCEPTED, Paper.State.PUBLISHED) else state,
            created_by=authors[0],
            submitted_at=None if state in (Paper.State.DRAFT,) else now - dt.timedelta(days=rng.randint(10, 60)),
            published_at=now - dt.timedelta(days=rng.randint(1, 9)) if state == Paper.State.PUBLISHED else None,
        )
        setattr(paper, f"title_{language}", title)
        setattr(paper, f"abstract_{language}", abstract)
        if language != "en" and rng.random() < 0.5:
            paper.title_en, paper.abstract_en = title, abstract
        rows.append(paper)
        authors_of.append(authors)
        states.append(state)
    rows = Paper.objects.bulk_create(rows, batch_size=BATCH)

    through = Paper.authors.through
    through.objects.bulk_create(
        [
            through(paper_id=paper.pk, user_id=person.pk)
            for paper, authors in zip(rows, authors_of, strict=True)
            for person in authors
        ],
        batch_size=BATCH,
    )
    contributing = Paper.contributing_delegations.through
    contributing.objects.bulk_create(
        [
            contributing(paper_id=paper.pk, delegation_id=delegation.pk)
            for paper in rows
            for delegation in teams.get(paper.session_id, {}).get("co_chairs", [])[:1]
        ],
        batch_size=BATCH,
    )

    versions = []
    for paper, authors in zip(rows, authors_of, strict=True):
        for number in range(1, rng.randint(1, 3) + 1):
            versions.append(
                Version(
                    paper=paper,
                    number=number,
                    note="" if number == 1 else rng.choice(SENTENCES),
                    file=file_name,
                    original_name=f"{paper.session.code} {paper.kind} v{number}.pdf",
                    file_format=FileFormat.PDF,
                    size=size,
                    sha256=sha256,
                    uploaded_by=authors[0],
                )
            )
    versions = Version.objects.bulk_create(versions, batch_size=BATCH)
    # Accepted and published papers get their state with their latest version: one UPDATE per state.
    latest = Version.objects.filter(paper=OuterRef("pk")).order_by("-number").values("pk")[:1]
    for state in (Paper.State.ACCEPTED, Paper.State.PUBLISHED):
        ids = [paper.pk for paper, wanted in zip(rows, states, strict=True) if wanted == state]
        for start in range(0, len(ids), BATCH):
            Paper.objects.filter(pk__in=ids[start : start + BATCH]).update(
                state=state, accepted_version=Subquery(latest)
            )
        for paper, wanted in zip(rows, states, strict=True):
            if wanted == state:
                paper.state = state

    translations, comments = [], []
    for paper in rows:
        if paper.state == Paper.State.PUBLISHED:
            for language in languages.CODES:
                if language != paper.language and rng.random() < 0.3:
                    translations.append(
                        Translation(
                            paper=paper,
                            language=language,
                            file=file_name,
                            original_name=f"{paper.session.code} {language}.pdf",
                            file_format=FileFormat.PDF,
                            size=size,
                            sha256=sha256,
                            uploaded_by=paper.created_by,
                        )
                    )
    for version in versions:
        if version.number > 1 or rng.random() < 0.2:
            comments.append(Comment(version=version, author=rng.choice(people), body=rng.choice(SENTENCES)))
    Translation.objects.bulk_create(translations, batch_size=BATCH)
    Comment.objects.bulk_create(comments, batch_size=BATCH)
    return rows
