"""What the recommendations' pages read: an outcome's list for its workspace, a session's published
ones for its public page, one recommendation by its public identifier, and the page stamp."""

import re
from dataclasses import dataclass

from django.db.models import Count, Expression, Max, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat

from followup.models import Addressee, Recommendation
from gfmd import languages

# GFMD-2010-1.1-R3: the meeting's year, the session's code, the number in the outcome.
IDENTIFIER = re.compile(r"GFMD-(?P<year>\d{4})-(?P<code>[^/]{1,20}?)-R(?P<number>\d{1,5})", re.IGNORECASE)
NUMBER_MAX = 32767  # PositiveSmallIntegerField


def _with_relations(queryset: QuerySet) -> QuerySet:
    # The identifier reads outcome.session.meeting; the page lists the themes.
    return queryset.select_related("outcome__session__meeting", "outcome__session__roundtable").prefetch_related(
        "themes"
    )


def outcome_recommendations(outcome) -> list[Recommendation]:
    """The outcome's recommendations by number (every one: its writers' and translators' list), with
    the outcome the caller holds (its session and meeting already read)."""
    recommendations = list(Recommendation.objects.filter(outcome=outcome).prefetch_related("themes").order_by("number"))
    for recommendation in recommendations:
        recommendation.outcome = outcome
    return recommendations


def published_outcome_recommendations(outcome) -> list[Recommendation]:
    """The outcome's published recommendations, by number (its printed version, its presentation)."""
    return [r for r in outcome_recommendations(outcome) if r.published_at is not None]


def session_recommendations(session) -> QuerySet[Recommendation]:
    """The session's published recommendations, by number (its public page). An outcome has a
    handful: no pagination."""
    return _with_relations(Recommendation.objects.published().filter(outcome__session=session)).order_by("number")


def parse_identifier(identifier: str) -> tuple[int, str, int] | None:
    """(year, session code, number) of a well-formed identifier, else None."""
    match = IDENTIFIER.fullmatch((identifier or "").strip())
    if match is None:
        return None
    number = int(match["number"])
    if not 0 < number <= NUMBER_MAX:
        return None
    return int(match["year"]), match["code"], number


def recommendation_by_identifier(identifier: str, *, published_only: bool = True) -> Recommendation | None:
    """The recommendation an identifier names (None if malformed, unknown or, for the public, unpublished)."""
    parsed = parse_identifier(identifier)
    if parsed is None:
        return None
    year, code, number = parsed
    recommendations = Recommendation.objects.filter(
        outcome__session__meeting__start_date__year=year, outcome__session__code__iexact=code, number=number
    )
    if published_only:
        recommendations = recommendations.published()
    return _with_relations(recommendations).order_by("outcome__session__meeting__number").first()


@dataclass(frozen=True)
class ReadingText:
    """A recommendation's text as a reader reads it: in their language, or the original's, marked."""

    text: str
    language: str
    fallback: bool

    @property
    def language_name(self) -> str:
        return str(languages.NAMES.get(self.language, self.language))


def reading_text(recommendation: Recommendation, language: str) -> ReadingText:
    """The text in `language`, else in the outcome's original language (which the rapporteur wrote first),
    else in any language that has it, marked as a fallback. Reads recommendation.outcome.original_language:
    select the outcome with the recommendation. The one answer for every page, the tracker and the PDF."""
    language = language if language in languages.CODES else languages.DEFAULT
    text = getattr(recommendation, f"text_{language}", "") or ""
    if text.strip():
        return ReadingText(text=text, language=language, fallback=False)
    for candidate in (recommendation.outcome.original_language, languages.DEFAULT, *languages.CODES):
        text = getattr(recommendation, f"text_{candidate}", "") or ""
        if text.strip():
            return ReadingText(text=text, language=candidate, fallback=candidate != language)
    return ReadingText(text="", language=language, fallback=False)


def addressee_labels(recommendation: Recommendation) -> list[str]:
    labels = dict(Addressee.choices)
    return [str(labels[value]) for value in recommendation.addressees if value in labels]


def published_recommendations_stamp(session_id: int, meeting: Expression) -> Subquery:
    """What the public session page shows of the session's recommendations, as a query expression that
    changes with them (roundtables.programme.cache): how many are published, when the last was
    published, changed (a text or a translation) or changed status. NULL when none is published."""
    published = (
        Recommendation.objects.published()
        .filter(outcome__session_id=session_id, outcome__session__meeting=meeting)
        .order_by()
        .values("outcome__session_id")
    )

    def text(expression) -> Expression:
        return Coalesce(Cast(expression, TextField()), Value("", output_field=TextField()))

    stamp = Concat(
        text(Count("pk")),
        Value(":"),
        text(Max("published_at")),
        Value(":"),
        text(Max("updated_at")),
        Value(":"),
        text(Max("status_changed_at")),
        output_field=TextField(),
    )
    return Subquery(published.annotate(stamp=stamp).values("stamp")[:1])
