"""What the tracker reads (part "tracker"): published recommendations counted by theme and status, the
filtered list with each recommendation's follow-up reports counted in SQL, the recommendations a session
builds on, and the proceedings' annex.

Only published recommendations ever leave this module for a public page, the export or the PDF: every
public read starts from `published_recommendations()`."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext as _

from followup.models import Addressee, FollowUpReport, Recommendation, SessionRecommendation, Theme
from followup.selectors.recommendations import ReadingText, reading_text  # noqa: F401  (the tracker's callers read them here)
from gfmd import languages
from roundtables.models import Meeting

# The Chair's office's search for a recommendation to build on shows the first matches only.
LINK_SEARCH_LIMIT = 20
MIN_QUERY = 2

# "GFMD-2009-3.1-R1", or its beginning ("gfmd-2009", "GFMD-2009-3.1"): the identifier is computed
# (Recommendation.identifier), so a typed one is taken apart into the fields it is made of.
_IDENTIFIER = re.compile(r"^gfmd-(?P<year>\d{4})(?:-(?P<code>[0-9a-z.]+?))?(?:-r(?P<number>\d+))?-?$", re.IGNORECASE)


# -- Text in the reader's language: followup.selectors.recommendations.reading_text ------------------


def with_reading(recommendations: Iterable[Recommendation], language: str) -> list[Recommendation]:
    """The recommendations, each with `.reading` (ReadingText) set for the templates."""
    result = list(recommendations)
    for recommendation in result:
        recommendation.reading = reading_text(recommendation, language)
    return result


# -- Published recommendations -------------------------------------------------------------------


def published_recommendations() -> QuerySet[Recommendation]:
    """Every public read starts here: published, with what the identifier and the fallback read."""
    return Recommendation.objects.published().select_related("outcome__session__meeting", "outcome__session")


def _ordered(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return recommendations.order_by("-outcome__session__meeting__number", "outcome__session__code", "number", "pk")


@dataclass(frozen=True)
class TrackerFilters:
    """What the tracker's list and counts are narrowed to (None: not narrowed)."""

    meeting: Meeting | None = None
    theme: Theme | None = None
    status: str | None = None
    addressee: str | None = None

    @property
    def active(self) -> bool:
        return any((self.theme, self.status, self.addressee))


def addressed_to(addressee: str) -> Q:
    """Recommendations addressed to `addressee` (an Addressee value). The addressees are a JSON list of
    fixed keys, none of which is part of another once quoted; JSON `contains` is not available on SQLite,
    so the list's text is searched for the quoted key, on either database."""
    if addressee not in Addressee.values:
        return Q(pk__in=[])
    return Q(addressees__icontains=f'"{addressee}"')


def filtered_recommendations(filters: TrackerFilters) -> QuerySet[Recommendation]:
    recommendations = published_recommendations()
    if filters.meeting is not None:
        recommendations = recommendations.filter(outcome__session__meeting=filters.meeting)
    if filters.theme is not None:
        # Exists, not a join: a recommendation under several themes stays one row.
        recommendations = recommendations.filter(
            Exists(Recommendation.themes.through.objects.filter(recommendation=OuterRef("pk"), theme=filters.theme))
        )
    if filters.status:
        recommendations = recommendations.filter(status=filters.status)
    if filters.addressee:
        recommendations = recommendations.filter(addressed_to(filters.addressee))
    return recommendations


def tracker_list(filters: TrackerFilters) -> QuerySet[Recommendation]:
    """The list's rows: each with its count of follow-up reports and the latest report's delegation and
    date (subqueries, so a page of rows is one query however many there are)."""
    reports = FollowUpReport.objects.filter(recommendation=OuterRef("pk"))
    latest = reports.order_by("-submitted_at", "-pk")
    return _ordered(
        filtered_recommendations(filters).annotate(
            report_count=Coalesce(
                Subquery(
                    reports.order_by().values("recommendation").annotate(n=Count("pk")).values("n")[:1],
                    output_field=IntegerField(),
                ),
                0,
            ),
            latest_report_at=Subquery(latest.values("submitted_at")[:1]),
            latest_report_delegation=Subquery(latest.values("delegation__name")[:1]),
        )
    )


def meetings_with_recommendations() -> QuerySet[Meeting]:
    """The meeting filter's choices: the meetings with a published recommendation (one query)."""
    return Meeting.objects.filter(
        Exists(Recommendation.objects.published().filter(outcome__session__meeting=OuterRef("pk")))
    ).order_by("-number")


# -- Counts by theme and status ------------------------------------------------------------------


@dataclass(frozen=True)
class ChartRow:
    """One bar of gfmd.charts: label, count and its share of all the recommendations counted."""

    label: str
    count: int
    percent: int


@dataclass
class CountsRow:
    label: str
    theme: Theme | None
    cells: list[int]  # one per status, in Recommendation.Status order
    total: int = 0


@dataclass
class TrackerCounts:
    """The theme-by-status table (a recommendation under two themes counts in both rows; the totals row
    counts each recommendation once) and the rows of the charts."""

    statuses: list[tuple[str, str]]
    rows: list[CountsRow] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    total: int = 0

    @property
    def by_status(self) -> list[ChartRow]:
        return [
            ChartRow(str(label), count, _percent(count, self.total))
            for (_value, label), count in zip(self.statuses, self.totals, strict=True)
        ]

    @property
    def by_theme(self) -> list[ChartRow]:
        return [ChartRow(row.label, row.total, _percent(row.total, self.total)) for row in self.rows if row.total]


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def tracker_counts(filters: TrackerFilters) -> TrackerCounts:
    """Counted by the database, in three queries whatever the number of recommendations: the themes,
    the (theme, status) pairs, and the totals by status."""
    recommendations = filtered_recommendations(filters).order_by()
    statuses = list(Recommendation.Status.choices)
    index = {value: position for position, (value, _label) in enumerate(statuses)}
    themes = list(Theme.objects.order_by("order", "slug"))
    if filters.theme is not None:
        themes = [theme for theme in themes if theme.pk == filters.theme.pk]
    pairs = (
        recommendations.values("themes", "status")
        .annotate(n=Count("pk", distinct=True))
        .values_list("themes", "status", "n")
    )
    cells: dict[int | None, list[int]] = {}
    for theme_id, status, n in pairs:
        if filters.theme is not None and theme_id != filters.theme.pk:
            continue  # the filtered recommendations' other themes
        cells.setdefault(theme_id, [0] * len(statuses))[index[status]] += n
    counts = TrackerCounts(statuses=statuses)
    for theme in themes:
        row = cells.get(theme.pk, [0] * len(statuses))
        counts.rows.append(CountsRow(label=theme.name, theme=theme, cells=row, total=sum(row)))
    if None in cells:
        row = cells[None]
        counts.rows.append(CountsRow(label=_("No theme"), theme=None, cells=row, total=sum(row)))
    totals = [0] * len(statuses)
    for status, n in recommendations.values("status").annotate(n=Count("pk")).values_list("status", "n"):
        totals[index[status]] = n
    counts.totals = totals
    counts.total = sum(totals)
    return counts


# -- Sessions building on recommendations -----------------------------------------------------------


def session_links(session) -> list[SessionRecommendation]:
    """The session's links to the recommendations it builds on (one query), each recommendation with
    what its identifier and text read; a link whose recommendation is no longer published is kept but
    the public never sees it (`builds_on`)."""
    return list(
        SessionRecommendation.objects.filter(session=session)
        .select_related("recommendation__outcome__session__meeting", "linked_by")
        .order_by("recommendation__outcome__session__meeting__number", "recommendation__outcome__session__code")
    )


def with_reading_links(links: list[SessionRecommendation], language: str) -> list[SessionRecommendation]:
    with_reading([link.recommendation for link in links], language)
    return links


def builds_on(session) -> list[Recommendation]:
    """The published recommendations the session builds on, for its public page (one query)."""
    return list(
        published_recommendations()
        .filter(session_links__session=session)
        .order_by("outcome__session__meeting__number", "outcome__session__code", "number")
    )


def builds_on_stamp(session_id: int, meeting) -> Subquery:
    """What the public session page shows of the recommendations it builds on, as a query expression that
    changes with it (roundtables.programme.cache): how many links, the latest link, and the latest change
    of a linked recommendation (its status, a translation, its publication)."""
    links = SessionRecommendation.objects.filter(session_id=session_id, session__meeting=meeting)
    stamp = Concat(
        Cast(Count("pk"), TextField()),
        Value(":"),
        Coalesce(Cast(Max("linked_at"), TextField()), Value("", output_field=TextField())),
        Value(":"),
        Coalesce(Cast(Max("recommendation__updated_at"), TextField()), Value("", output_field=TextField())),
        Value(":"),
        Coalesce(Cast(Max("recommendation__status_changed_at"), TextField()), Value("", output_field=TextField())),
        output_field=TextField(),
    )
    return Subquery(links.order_by().values("session").annotate(stamp=stamp).values("stamp")[:1])


def _search(query: str) -> Q:
    match = _IDENTIFIER.match(query)
    if match:
        found = Q(outcome__session__meeting__start_date__year=int(match["year"]))
        if match["code"]:
            found &= Q(outcome__session__code__iexact=match["code"])
        if match["number"]:
            found &= Q(number=int(match["number"]))
        return found
    words = Q()
    for word in query.split()[:8]:
        any_language = Q()
        for name in languages.field_names("text"):
            any_language |= Q(**{f"{name}__icontains": word})
        words &= any_language | Q(outcome__session__code__iexact=word)
    return words


@dataclass(frozen=True)
class LinkSearch:
    query: str
    results: list[Recommendation]
    more: bool

    @property
    def searched(self) -> bool:
        return len(self.query) >= MIN_QUERY


def linkable_recommendations(session, query: str, language: str) -> LinkSearch:
    """The published recommendations of earlier meetings that the session does not build on yet, matching
    an identifier (or its beginning) or words of their text in any language: the first LINK_SEARCH_LIMIT
    (one query)."""
    query = (query or "").strip()[:200]
    if len(query) < MIN_QUERY:
        return LinkSearch(query, [], False)
    found = list(
        _ordered(
            published_recommendations()
            .filter(outcome__session__meeting__number__lt=session.meeting.number)
            .exclude(session_links__session=session)
            .filter(_search(query))
        )[: LINK_SEARCH_LIMIT + 1]
    )
    return LinkSearch(query, with_reading(found[:LINK_SEARCH_LIMIT], language), len(found) > LINK_SEARCH_LIMIT)


# -- The proceedings' annex ----------------------------------------------------------------------


@dataclass
class AnnexSession:
    session: object
    recommendations: list[Recommendation]


@dataclass
class ProceedingsAnnex:
    """The annex "Recommendations and follow-up" of a meeting's report of the proceedings."""

    sessions: list[AnnexSession]
    counts: TrackerCounts
    built_on: list[tuple[object, list[Recommendation]]]  # (session of this meeting, earlier recommendations)

    @property
    def empty(self) -> bool:
        return not self.sessions and not self.built_on


def proceedings_annex(meeting: Meeting, language: str) -> ProceedingsAnnex:
    """The meeting's published recommendations by session, the counts by theme and status, and the earlier
    meetings' recommendations its sessions built on. A fixed number of queries."""
    own = with_reading(
        published_recommendations()
        .filter(outcome__session__meeting=meeting)
        .prefetch_related("themes")
        .order_by("outcome__session__roundtable__order", "outcome__session__order", "outcome__session__code", "number"),
        language,
    )
    sessions: list[AnnexSession] = []
    for recommendation in own:
        session = recommendation.outcome.session
        if not sessions or sessions[-1].session.pk != session.pk:
            sessions.append(AnnexSession(session, []))
        sessions[-1].recommendations.append(recommendation)
    links = (
        SessionRecommendation.objects.filter(session__meeting=meeting, recommendation__published_at__isnull=False)
        .select_related("session", "recommendation__outcome__session__meeting")
        .order_by("session__order", "session__code", "recommendation__outcome__session__meeting__number", "pk")
    )
    built_on: list[tuple[object, list[Recommendation]]] = []
    for link in links:
        if not built_on or built_on[-1][0].pk != link.session_id:
            built_on.append((link.session, []))
        built_on[-1][1].append(link.recommendation)
    for _session, recommendations in built_on:
        with_reading(recommendations, language)
    return ProceedingsAnnex(
        sessions=sessions, counts=tracker_counts(TrackerFilters(meeting=meeting)), built_on=built_on
    )


def addressee_labels(recommendation: Recommendation) -> list[str]:
    labels = dict(Addressee.choices)
    return [str(labels[value]) for value in recommendation.addressees if value in labels]
