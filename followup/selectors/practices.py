"""The practices as the pages read them: the public repository (published only), a practice's page with
its links, the submitter's own list, the review queue, the export's rows and the partials of the
session and recommendation pages. Every list is prefetched so that its cost does not grow with its
length."""

from dataclasses import dataclass

from django.db.models import CharField, Count, Max, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Concat

from delegations.models import Delegation
from followup.models import Practice, PracticePartner, Recommendation, Theme
from gfmd import languages
from papers.models import Paper
from roundtables.models import Session

TEXT_FIELDS = ("title", "summary", "results")


def _countries() -> Prefetch:
    return Prefetch(
        "countries", queryset=Delegation.objects.only("pk", "name", "kind", "country", "region").order_by("name")
    )


def _list_prefetches() -> list:
    return ["themes", _countries()]


def public_practices() -> QuerySet[Practice]:
    """Every published practice, newest first, with what a card shows."""
    return Practice.objects.published().prefetch_related(*_list_prefetches()).order_by("-published_at", "-pk")


def export_practices(practices: QuerySet[Practice]) -> QuerySet[Practice]:
    """The filtered public practices (public_practices(), which prefetches the countries and themes) with
    their partners too, for the export's rows (read in chunks by the caller)."""
    return practices.prefetch_related("partners")


def practice_for_page(pk: int) -> Practice:
    """One practice with everything its page shows (Practice.DoesNotExist if none)."""
    return (
        Practice.objects.select_related("delegation", "submitted_by", "published_by")
        .prefetch_related(
            "themes",
            _countries(),
            "partners",
            "documents",
            Prefetch(
                "sessions", queryset=Session.objects.select_related("meeting").order_by("meeting__number", "code")
            ),
            Prefetch(
                "papers",
                queryset=Paper.objects.published().select_related("session__meeting").order_by("session__code", "pk"),
            ),
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.published().select_related("outcome__session__meeting"),
            ),
        )
        .get(pk=pk)
    )


def practices_of_submitter(user) -> QuerySet[Practice]:
    return Practice.objects.filter(submitted_by=user).order_by("-submitted_at", "-pk")


def review_queue(state: str = "") -> QuerySet[Practice]:
    """The Chair's office's queue: practices awaiting review first, then the others by date."""
    practices = Practice.objects.select_related("submitted_by", "delegation").annotate(
        partner_count=Count("partners", distinct=True)
    )
    if state:
        practices = practices.filter(state=state)
    return practices.order_by("-submitted_at", "-pk")


def state_counts() -> dict[str, int]:
    return dict(Practice.objects.order_by().values_list("state").annotate(n=Count("pk")))


def reading(practice: Practice, language: str | None) -> dict:
    """The practice's texts in the reader's language, each falling back to the practice's original
    language (then to any language it has): {"title": ..., "summary": ..., "results": ...,
    "fallback": the language name shown instead, or ""}."""
    language = (language or languages.DEFAULT)[:2]
    order = [language, practice.language, *languages.CODES]
    texts, fallback = {}, ""
    for name in TEXT_FIELDS:
        value, used = "", language
        for code in order:
            value = getattr(practice, f"{name}_{code}", "") or ""
            if value:
                used = code
                break
        texts[name] = value
        if value and used != language:
            fallback = used
    texts["fallback"] = str(languages.NAMES.get(fallback, "")) if fallback else ""
    texts["fallback_code"] = fallback
    return texts


def with_reading(practices, language: str | None) -> list[Practice]:
    shown = list(practices)
    for practice in shown:
        practice.reading = reading(practice, language)
    return shown


# -- The partials of other pages (followup.templatetags.followup_practices) -------------------------

PARTIAL_LIMIT = 10


@dataclass(frozen=True)
class PracticeExcerpt:
    practices: list
    more: int  # how many more than shown


def _excerpt(practices: QuerySet[Practice], language: str | None) -> PracticeExcerpt:
    # One query for the shown rows plus one more to know if there are more; no prefetch needed.
    rows = list(practices.order_by("-published_at", "-pk")[: PARTIAL_LIMIT + 1])
    total = len(rows)
    if total > PARTIAL_LIMIT:
        total = practices.count()
    return PracticeExcerpt(
        practices=with_reading(rows[:PARTIAL_LIMIT], language), more=total - min(total, PARTIAL_LIMIT)
    )


def practices_of_session(session, language: str | None) -> PracticeExcerpt:
    return _excerpt(Practice.objects.published().filter(sessions=session), language)


def practices_of_recommendation(recommendation, language: str | None) -> PracticeExcerpt:
    return _excerpt(Practice.objects.published().filter(recommendations=recommendation), language)


def published_practices_stamp(session_id: int, meeting) -> Subquery:
    """What the public session page shows of its practices, as a query expression that changes with it
    (roundtables.programme.cache): how many published practices are linked, and their latest change."""
    linked = (
        Practice.sessions.through.objects.filter(session_id=session_id, practice__state=Practice.State.PUBLISHED)
        .order_by()
        .annotate(_one=Value(1))
        .values("_one")
        .annotate(
            stamp=Concat(
                Cast(Count("practice_id"), CharField()),
                Value(":"),
                Cast(Max("practice__updated_at"), CharField()),
                output_field=CharField(),
            )
        )
        .values("stamp")
    )
    return Subquery(linked[:1])


# -- Choices of the forms -------------------------------------------------------------------------


def state_delegations() -> QuerySet[Delegation]:
    """The Forum's states (193 at most): the countries a practice involves."""
    return Delegation.objects.filter(kind=Delegation.Kind.STATE).only("pk", "name", "kind", "country", "region")


def countries_in_use() -> QuerySet[Delegation]:
    """The states that published practices involve: the public country filter's choices."""
    return state_delegations().filter(practices__state=Practice.State.PUBLISHED).distinct().order_by("name")


def themes() -> QuerySet[Theme]:
    return Theme.objects.all()


def partner_kinds_filter(kind: str) -> Q:
    return Q(pk__in=PracticePartner.objects.filter(kind=kind).values("practice_id"))
