"""Querysets the paper pages read: annotated and prefetched so query counts stay flat."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.models import ActivityLog
from gfmd import languages
from gfmd.translation_gaps import GapList
from papers.models import Comment, Paper, SubmissionDeadline, Translation, Version
from papers.search import search_papers
from roundtables.models import Meeting, Session
from roundtables.selectors import current_sessions, on_team

# The transitions shown in a paper's history (activity actions "papers.paper.<event>").
HISTORY_EVENTS = (
    "created",
    "submitted",
    "review_started",
    "revision_requested",
    "accepted",
    "rejected",
    "published",
    "withdrawn",
    "unpublished",
)


def session_for_papers(session_id: int) -> Session:
    return Session.objects.select_related("meeting", "roundtable", "paper_deadline").get(pk=session_id)


def papers_of_session(session: Session) -> QuerySet[Paper]:
    """A session's papers for its team's workspace, with what each card shows."""
    return (
        Paper.objects.filter(session=session)
        .select_related("accepted_version")
        .prefetch_related(
            "authors",
            Prefetch("versions", queryset=Version.objects.select_related("uploaded_by").order_by("-number")),
        )
        .annotate(comment_count=Count("versions__comments", distinct=True))
        .order_by("kind", "created_at", "pk")
    )


def paper_for_workspace(pk: int) -> Paper:
    return (
        Paper.objects.select_related("session__meeting", "session__roundtable", "accepted_version")
        .prefetch_related(
            "authors",
            "contributing_delegations",
            Prefetch("translations", queryset=Translation.objects.select_related("uploaded_by")),
            Prefetch(
                "versions",
                queryset=Version.objects.select_related("uploaded_by")
                .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
                .order_by("-number"),
            ),
        )
        .get(pk=pk)
    )


def paper_history(paper: Paper) -> QuerySet[ActivityLog]:
    """The paper's moves from state to state, oldest first."""
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Paper),
            object_id=str(paper.pk),
            action__in=[f"papers.paper.{event}" for event in HISTORY_EVENTS],
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def deadline_for(session: Session) -> dt.datetime | None:
    """The session's own deadline, else its meeting's."""
    own = getattr(session, "paper_deadline", None)
    if own is not None:
        return own.due_at
    default = SubmissionDeadline.objects.filter(meeting_id=session.meeting_id, session__isnull=True).first()
    return default.due_at if default else None


def meeting_deadline(meeting: Meeting) -> SubmissionDeadline | None:
    return SubmissionDeadline.objects.filter(meeting=meeting, session__isnull=True).first()


# The Chair's office overview.


@dataclass
class SessionPaperStatus:
    session: Session
    due_at: dt.datetime | None
    own_deadline: bool
    papers: list[Paper]
    background: Paper | None
    late: bool
    lacks_paper: bool


@dataclass
class Overview:
    meeting: Meeting
    deadline: SubmissionDeadline | None
    sessions: list[SessionPaperStatus]
    state_counts: list[tuple[str, str, int]]
    # The papers of the state asked for (all without one), a queryset for the page to cut into
    # pages: with_lateness() then marks the page's papers late against their session's deadline.
    papers: QuerySet[Paper] = field(default_factory=Paper.objects.none)

    def with_lateness(self, papers) -> list[Paper]:
        due = {row.session.pk: row.due_at for row in self.sessions}
        shown = list(papers)
        for paper in shown:
            paper.late_by = paper.days_late(due.get(paper.session_id))  # for the "late by N days" badge
        return shown

    @property
    def total(self) -> int:
        return sum(count for _value, _label, count in self.state_counts)

    @property
    def late_count(self) -> int:
        return sum(1 for s in self.sessions if s.late)

    @property
    def lacking_count(self) -> int:
        return sum(1 for s in self.sessions if s.lacks_paper)


def overview(meeting: Meeting, *, state: str = "", now: dt.datetime | None = None) -> Overview:
    """Every roundtable session of the meeting with its papers, deadline and whether it is late:
    past its deadline without a background paper submitted (or accepted, or published)."""
    now = now or timezone.now()
    deadline = meeting_deadline(meeting)
    papers = Paper.objects.select_related("session").prefetch_related("authors").order_by("kind", "created_at")
    sessions = (
        meeting.sessions.filter(kind=Session.Kind.ROUNDTABLE)
        .select_related("roundtable", "paper_deadline")
        .prefetch_related(Prefetch("papers", queryset=papers))
        .order_by("roundtable__order", "order", "code")
    )
    rows = []
    for session in sessions:
        own = getattr(session, "paper_deadline", None)
        due_at = own.due_at if own else deadline.due_at if deadline else None
        session_papers = list(session.papers.all())
        for paper in session_papers:
            paper.late_by = paper.days_late(due_at)  # for the "late by N days" badge
        background = next(
            (p for p in session_papers if p.kind == Paper.Kind.BACKGROUND and p.state not in Paper.CLOSED_STATES),
            None,
        )
        delivered = background is not None and background.state in Paper.DELIVERED_STATES
        rows.append(
            SessionPaperStatus(
                session=session,
                due_at=due_at,
                own_deadline=own is not None,
                papers=session_papers,
                background=background,
                late=due_at is not None and due_at <= now and not delivered,
                lacks_paper=background is None,
            )
        )
    # Soonest deadline first; sessions without one last.
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda row: (row.due_at or far, row.session.code))
    # Counted by the database, for the whole meeting.
    meeting_papers = Paper.objects.filter(session__meeting=meeting, session__kind=Session.Kind.ROUNDTABLE)
    counts = dict(meeting_papers.order_by().values_list("state").annotate(n=Count("pk")))
    state_counts = [(value, label, counts.get(value, 0)) for value, label in Paper.State.choices]
    listed = (
        (meeting_papers.filter(state=state) if state else meeting_papers)
        .select_related("session")
        .prefetch_related("authors")
        .order_by("session__code", "kind", "pk")
    )
    return Overview(meeting=meeting, deadline=deadline, sessions=rows, state_counts=state_counts, papers=listed)


# A person's sessions.


def _works_on_papers(user) -> Q:
    """A condition on Session: the person works on its papers (see sessions_of_person)."""
    return on_team(user) | Q(Exists(Paper.objects.filter(session=OuterRef("pk"), authors=user.pk)))


def works_on_current_papers(user) -> Exists:
    """The header menu's "My papers": sessions_of_person lists any in the current meeting."""
    return Exists(current_sessions().filter(_works_on_papers(user)))


def sessions_of_person(user, *, meeting: Meeting | None) -> QuerySet[Session]:
    """Sessions whose papers the person works on: named on the team, focal point of a team
    delegation, or author of one of its papers (as papers.permissions has it: a plain delegate
    of a team delegation is not listed)."""
    if meeting is None or not user.is_authenticated:
        return Session.objects.none()
    return (
        meeting.sessions.filter(_works_on_papers(user))
        .select_related("roundtable", "meeting", "paper_deadline")
        .annotate(
            paper_count=Count("papers", distinct=True),
            open_count=Count(
                "papers", filter=~Q(papers__state__in=[*Paper.CLOSED_STATES, Paper.State.PUBLISHED]), distinct=True
            ),
        )
        .order_by("code")
    )


# The public library.


def published_papers() -> QuerySet[Paper]:
    return (
        Paper.objects.published()
        .select_related("session__meeting", "session__roundtable", "accepted_version")
        .prefetch_related("authors", "contributing_delegations", "translations")
    )


def in_language(papers: QuerySet[Paper], language: str) -> QuerySet[Paper]:
    """Papers readable in a language: written in it, or with a translation in it."""
    if not language:
        return papers
    return papers.filter(
        Q(language=language) | Exists(Translation.objects.filter(paper=OuterRef("pk"), language=language))
    )


def library(
    *, meeting=None, roundtable=None, session=None, language: str = "", query: str = "", reader_language: str = ""
) -> QuerySet[Paper]:
    papers = published_papers()
    if meeting is not None:
        papers = papers.filter(session__meeting=meeting)
    if roundtable is not None:
        papers = papers.filter(session__roundtable=roundtable)
    if session is not None:
        papers = papers.filter(session=session)
    papers = in_language(papers, language)
    if query and query.strip():
        return search_papers(papers, query, reader_language or language)
    return papers.order_by(
        "-session__meeting__number", "session__roundtable__order", "session__order", "session__code", "kind", "pk"
    )


def session_published_papers(session: Session) -> list[Paper]:
    """For the public session page."""
    return list(
        Paper.objects.published()
        .filter(session=session)
        .select_related("accepted_version")
        .prefetch_related("authors", "translations")
        .order_by("kind", "published_at", "pk")
    )


def background_paper_count() -> Count:
    """A session's background papers, withdrawn and rejected ones left out: the Chair's office
    dashboard flags the roundtable sessions that have none (roundtables.session_counts)."""
    return Count(
        "papers",
        filter=Q(papers__kind=Paper.Kind.BACKGROUND) & ~Q(papers__state__in=Paper.CLOSED_STATES),
        distinct=True,
    )


class _Listing(StringAgg):
    """The rows' items joined by commas, in the order given where the database can order an aggregate
    (PostgreSQL, SQLite from 3.44); an older SQLite joins them in the order it reads them. Either way the
    same rows give the same string, and other rows a different one: the items hold no comma."""

    def as_sqlite(self, compiler, connection, **extra_context):
        if self.order_by is not None and not connection.features.supports_aggregate_order_by_clause:
            unordered = self.copy()
            unordered.order_by = None
            return unordered.as_sqlite(compiler, connection, **extra_context)
        return super().as_sqlite(compiler, connection, **extra_context)


def _listing(rows: QuerySet, session: str, *fields: str) -> Subquery:
    """One string naming each of `rows` (all of one session) by `fields` ("12:2026-12-03 13:00:00.123456,
    15:..."), NULL when there are none."""
    parts = [part for name in fields for part in (F(name), Value(":"))][:-1]
    item = Concat(*parts, output_field=TextField())
    listing = rows.order_by().values(session).annotate(listing=_Listing(item, Value(","), order_by="pk"))
    return Subquery(listing.values("listing"))


def published_papers_stamp(session_id: int, meeting: Expression) -> Concat:
    """What the public session page shows of papers, as a query expression that changes with it
    (roundtables.programme.cache reads it with the release, for the page's ETag and cache key): each
    published paper by its id and `updated_at` (every edit and transition saves it), each of their
    translations by its id and content (`sha256`: replacing the file keeps the row)."""
    papers = Paper.objects.published().filter(session_id=session_id, session__meeting=meeting)
    translations = Translation.objects.filter(
        paper__state=Paper.State.PUBLISHED, paper__session_id=session_id, paper__session__meeting=meeting
    )
    return Concat(
        _listing(papers, "session_id", "pk", "updated_at"),
        Value("|"),
        _listing(translations, "paper__session_id", "pk", "paper_id", "language", "sha256"),
        output_field=TextField(),
    )


def meeting_published_paper_count(meeting) -> int:
    """How many papers of the meeting the public library holds (the meeting's page links to them)."""
    return Paper.objects.published().filter(session__meeting=meeting).count()


def translation_gaps(meeting: Meeting) -> list[GapList]:
    """The meeting's papers that are or will be public (withdrawn and rejected ones never are), for the
    completeness page (the row shape: gfmd.translation_gaps). A paper's title and abstract exist in the
    language it was written in; the others are translations."""
    return [
        GapList(
            key="papers-papers",
            label=_("Papers"),
            items=(
                Paper.objects.active()
                .filter(session__meeting=meeting)
                .select_related("session")
                .order_by("session__starts_at", "session__order", "session__code", "kind", "pk")
            ),
            fields={"title": _("Title"), "abstract": _("Abstract")},
            name=lambda paper: f"{paper.session.code} · {paper.title}",
            url=lambda paper: reverse("papers:detail", kwargs={"pk": paper.pk}),
        )
    ]


def _original(base: str):
    """The paper's text in the language it is written in (Paper.language), as an expression."""
    return Coalesce(
        Case(
            *(When(language=code, then=F(f"{base}_{code}")) for code in languages.CODES),
            default=Value(""),
            output_field=TextField(),
        ),
        Value(""),
        output_field=TextField(),
    )


def _empty(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


def papers_awaiting_translation(meeting, language: str) -> QuerySet[Paper]:
    """The meeting's papers the public reads or will read (accepted, published) whose title or abstract
    in `language` is empty while the text in the paper's own language has something, or was translated
    from a text that has changed since (Paper.translated_from; a translation saved before it was recorded
    counts as up to date). Annotated `needs_title` and `needs_abstract` (either), `title_changed` and
    `abstract_changed` (the original changed since), in programme order. A paper written in `language`
    awaits nothing."""

    def awaits(base: str) -> dict:
        original = F(f"original_{base}")
        missing = ~Q(**{f"original_{base}": ""}) & _empty(f"{base}_{language}")
        changed = (
            ~Q(**{f"original_{base}": ""})
            & ~_empty(f"{base}_{language}")
            & Q(**{f"source_{base}__isnull": False})
            & ~Q(**{f"source_{base}": original})
        )
        return {
            f"needs_{base}": ExpressionWrapper(missing | changed, BooleanField()),
            f"{base}_changed": ExpressionWrapper(changed, BooleanField()),
        }

    return (
        Paper.objects.filter(session__meeting=meeting, state__in=[Paper.State.ACCEPTED, Paper.State.PUBLISHED])
        .exclude(language=language)
        .annotate(
            original_title=_original("title"),
            original_abstract=_original("abstract"),
            # As plain text (Cast), so that comparing it with the original is not a JSON lookup.
            source_title=Cast(KeyTextTransform("title", KeyTransform(language, "translated_from")), TextField()),
            source_abstract=Cast(KeyTextTransform("abstract", KeyTransform(language, "translated_from")), TextField()),
        )
        .annotate(**awaits("title"), **awaits("abstract"))
        .filter(Q(needs_title=True) | Q(needs_abstract=True))
        .select_related("session")
        .order_by("session__roundtable__order", "session__order", "session__code", "kind", "pk")
    )
