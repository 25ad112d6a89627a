"""Demo background papers for the 2010 meeting, moved through the real workflow (papers.services)
so their history, comments and files are what a team would have left. Safe to run again: a
session that already has a paper of that kind is left alone.

Session 1.1 is left without a paper on purpose: the demo author (author@example.org) uploads it.
"""

import datetime as dt
import io
import textwrap
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from accounts.models import User
from activity.models import ActivityLog
from papers import services
from papers.models import Paper, SubmissionDeadline, Version
from roundtables.models import Meeting, SessionPerson
from roundtables.selectors import meeting_chair_staff

DEMO_PASSWORD = "gfmd-demo-2010"
AUTHOR_EMAIL = "author@example.org"
DEMO_PAPER_ACCOUNTS = [(AUTHOR_EMAIL, "Background paper author, session 1.1")]
VALLARTA = ZoneInfo("America/Mexico_City")


@dataclass(frozen=True)
class DemoPaper:
    session: str
    kind: str
    state: str
    author: tuple[str, str, str, str]  # e-mail, first name, last name, organisation
    title_en: str
    abstract_en: str
    title_es: str = ""
    title_fr: str = ""
    translation_es: str = ""  # the Spanish file's text, for a translation
    revision: str = ""  # the reviewers' message, for a paper sent back


PAPERS = [
    DemoPaper(
        session="2.1",
        kind=Paper.Kind.BACKGROUND,
        state=Paper.State.PUBLISHED,
        author=("p.raman@example.org", "Priya", "Raman", "Migration Policy Unit, Government of India"),
        title_en="Labour mobility strategies for human development: skills, recognition and circular schemes",
        title_es="Estrategias de movilidad laboral para el desarrollo humano",
        title_fr="Stratégies de mobilité de la main-d'oeuvre pour le développement humain",
        abstract_en=(
            "Cross-border labour mobility can raise the incomes, skills and wellbeing of migrants and their "
            "families when origin and destination countries act together. This paper reviews bilateral labour "
            "agreements, the recognition of qualifications, pre-departure orientation and circular migration "
            "schemes, and proposes questions for the session on how partnerships can lower recruitment costs "
            "and protect the rights of temporary workers."
        ),
        translation_es=(
            "La movilidad laboral transfronteriza puede aumentar los ingresos, las competencias y el bienestar de "
            "los migrantes y sus familias cuando los países de origen y de destino actúan conjuntamente."
        ),
    ),
    DemoPaper(
        session="2.1",
        kind=Paper.Kind.CASE_STUDY,
        state=Paper.State.PUBLISHED,
        author=("p.raman@example.org", "Priya", "Raman", "Migration Policy Unit, Government of India"),
        title_en="Country case study: pre-departure orientation and reintegration of returning workers",
        abstract_en=(
            "How one origin country prepares its workers before they leave and helps them reintegrate when they "
            "return: remittance channels, skills certification and community reintegration programmes."
        ),
    ),
    DemoPaper(
        session="2.2",
        kind=Paper.Kind.BACKGROUND,
        state=Paper.State.ACCEPTED,
        author=("i.halvorsen@example.org", "Ingrid", "Halvorsen", "Ministry of Foreign Affairs, Greece"),
        title_en="Migration, gender and family: protecting domestic workers and the families who stay behind",
        abstract_en=(
            "Women are a growing share of migrant workers, many of them in domestic work outside the reach of "
            "labour law. The paper looks at the protection of migrant domestic workers, the care of children "
            "left behind and family reunification, and at what origin and destination governments can do together."
        ),
    ),
    DemoPaper(
        session="3.2",
        kind=Paper.Kind.BACKGROUND,
        state=Paper.State.SUBMITTED,
        author=("k.rahman@example.org", "Karim", "Rahman", "Ministry of Expatriates' Welfare, Bangladesh"),
        title_en="Climate change, environmental degradation and mobility: what policy coherence requires",
        abstract_en=(
            "Slow-onset environmental change and sudden disasters already shape who moves, where and how. The "
            "paper surveys the evidence and asks how migration, development and climate adaptation policies can "
            "be made coherent."
        ),
    ),
    DemoPaper(
        session="1.2",
        kind=Paper.Kind.BACKGROUND,
        state=Paper.State.REVISION_REQUESTED,
        author=("t.ferreira@example.org", "Tomás", "Ferreira", "Ministry of the Interior, Morocco"),
        title_en="Joint strategies to address irregular migration: partnerships beyond enforcement",
        abstract_en=(
            "Irregular migration has development costs for migrants and for countries of origin, transit and "
            "destination. The paper reviews joint strategies that combine legal channels, information campaigns "
            "and the fight against smuggling and trafficking."
        ),
        revision=(
            "Thank you for a solid first draft. Please add a section on regularisation programmes and shorten "
            "the introduction to two pages, so that the paper fits the session's 90 minutes."
        ),
    ),
    DemoPaper(
        session="3.1",
        kind=Paper.Kind.BACKGROUND,
        state=Paper.State.DRAFT,
        author=("l.berg@example.org", "Lena", "Berg", "Ministry of Justice, Sweden"),
        title_en="Assessing the impact of migration on development: methods and evidence",
        abstract_en="A first outline: which impact assessments exist, and what the session could recommend.",
    ),
]


def pdf_document(title: str, lines: list[str]) -> bytes:
    """A plain one-page PDF with a title and wrapped text (Helvetica, Latin-1)."""

    def escape(text: str) -> bytes:
        encoded = text.encode("latin-1", "replace")
        return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    body = [b"BT /F2 16 Tf 72 770 Td 20 TL"]
    for line in textwrap.wrap(title, 60):
        body.append(b"(" + escape(line) + b") Tj T*")
    body.append(b"/F1 11 Tf 15 TL T*")
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, 90) or [""]:
            body.append(b"(" + escape(line) + b") Tj T*")
        body.append(b"T*")
    body.append(b"ET")
    stream = b"\n".join(body)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _file(name: str, title: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_document(title, lines), content_type="application/pdf")


def _person(email: str, first: str, last: str, organisation: str, *, can_sign_in: bool) -> User:
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "organisation": organisation, "honorific": "dr"},
    )
    if can_sign_in:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    elif not user.has_usable_password():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def load_paper_demo(meeting: Meeting) -> list[tuple[str, str]]:
    """The demo author account, the meeting's paper deadline and a few papers in every state."""
    sessions = {s.code: s for s in meeting.sessions.all()}
    author = _person(AUTHOR_EMAIL, "Ana Lucía", "Torres", "El Colegio de México", can_sign_in=True)
    author.job_title = "Research professor"
    author.save(update_fields=["job_title"])
    SessionPerson.objects.get_or_create(session=sessions["1.1"], person=author, role=SessionPerson.Role.AUTHOR)
    SubmissionDeadline.objects.get_or_create(
        meeting=meeting, session=None, defaults={"due_at": dt.datetime(2010, 10, 1, 18, tzinfo=VALLARTA)}
    )
    chair = meeting_chair_staff(meeting).order_by("pk").first()
    if chair is None:
        return DEMO_PAPER_ACCOUNTS
    for demo in PAPERS:
        session = sessions[demo.session]
        if Paper.objects.filter(session=session, kind=demo.kind).exists():
            continue
        email, first, last, organisation = demo.author
        writer = _person(email, first, last, organisation, can_sign_in=False)
        SessionPerson.objects.get_or_create(session=session, person=writer, role=SessionPerson.Role.AUTHOR)
        _walk(demo, session=session, writer=writer, chair=chair)
    return DEMO_PAPER_ACCOUNTS


def _walk(demo: DemoPaper, *, session, writer: User, chair: User) -> None:
    """Create the paper and move it to its demo state, then date it in the autumn of 2010."""
    State = Paper.State
    text = [f"Session {session.code}: {session.title}", "", demo.abstract_en]
    paper = services.paper_create(
        session=session,
        actor=writer,
        kind=demo.kind,
        language="en",
        titles={"en": demo.title_en, "fr": demo.title_fr, "es": demo.title_es},
        abstracts={"en": demo.abstract_en},
        authors=[writer],
        file=_file(f"{session.code} {demo.kind} draft.pdf", demo.title_en, text),
        note="First draft for the team.",
    )
    if demo.state != State.DRAFT:
        services.paper_submit(paper=paper, actor=writer)
    if demo.state == State.REVISION_REQUESTED:
        services.paper_request_revision(paper=paper, actor=chair, message=demo.revision)
    if demo.state in (State.ACCEPTED, State.PUBLISHED):
        services.paper_start_review(paper=paper, actor=chair)
        services.paper_accept(paper=paper, actor=chair)
    if demo.state == State.PUBLISHED:
        services.paper_publish(paper=paper, actor=chair)
        if demo.translation_es:
            services.translation_upload(
                paper=paper,
                actor=chair,
                language="es",
                file=_file("traduccion.pdf", demo.title_es or demo.title_en, [demo.translation_es]),
            )
    _backdate(paper, start=dt.datetime(2010, 9, 6, 10, tzinfo=VALLARTA))


def _backdate(paper: Paper, *, start: dt.datetime) -> None:
    """Spread the paper's history over the weeks before the meeting (four days between steps)."""
    paper = Paper.objects.get(pk=paper.pk)
    entries = list(ActivityLog.objects.filter(object_id=str(paper.pk), action__startswith="papers.").order_by("pk"))
    dates = {}
    first = {}
    for step, entry in enumerate(entries):
        dates[entry.action] = start + dt.timedelta(days=4 * step)
        first.setdefault(entry.action, dates[entry.action])
        ActivityLog.objects.filter(pk=entry.pk).update(created_at=dates[entry.action])
    Version.objects.filter(paper=paper).update(uploaded_at=start)
    paper.translations.update(uploaded_at=dates.get("papers.translation.uploaded", start))
    Paper.objects.filter(pk=paper.pk).update(
        updated_at=max(dates.values()),
        submitted_at=dates.get("papers.paper.submitted") if paper.submitted_at else None,
        first_submitted_at=first.get("papers.paper.submitted") if paper.first_submitted_at else None,
        published_at=dates.get("papers.paper.published") if paper.published_at else None,
    )
    paper.versions.first().comments.update(created_at=dates.get("papers.paper.revision_requested", start))
