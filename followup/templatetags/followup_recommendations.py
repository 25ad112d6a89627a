"""The recommendations where lower apps' pages show them (a template include of a followup partial,
since outcomes and roundtables cannot import followup): the outcome's workspace card, the printed
outcome and its presentation, and the session's public page."""

from dataclasses import dataclass, field

from django import template
from django.utils.translation import get_language

from followup.models import Recommendation
from followup.selectors.recommendations import (
    ReadingText,
    addressee_labels,
    outcome_recommendations,
    published_outcome_recommendations,
    reading_text,
    session_recommendations,
)
from gfmd import languages
from roundtables.editions import may_write

register = template.Library()


@dataclass
class RecommendationLine:
    """One recommendation as a page lists it, with what the reader may do with it."""

    recommendation: Recommendation
    reading: ReadingText
    addressees: list[str]
    missing_languages: list[str] = field(default_factory=list)
    can_edit: bool = False
    can_remove: bool = False


@dataclass(frozen=True)
class RecommendationsCard:
    outcome: object
    lines: list[RecommendationLine]
    can_add: bool


def _line(recommendation: Recommendation, language: str) -> RecommendationLine:
    return RecommendationLine(
        recommendation=recommendation,
        reading=reading_text(recommendation, language),
        addressees=addressee_labels(recommendation),
    )


@register.simple_tag(takes_context=True)
def outcome_recommendations_card(context, outcome) -> RecommendationsCard:
    """The outcome's recommendations on its workspace, in its original language, each with the
    translations still missing and the buttons the rules allow the reader (a fixed number of queries
    whatever their number)."""
    user = context["request"].user
    writable = may_write(outcome.session.meeting, user)
    lines = []
    for recommendation in outcome_recommendations(outcome):
        line = _line(recommendation, outcome.original_language)
        line.missing_languages = [
            str(name) for code, name in languages.NAMES.items() if not getattr(recommendation, f"text_{code}")
        ]
        line.can_edit = writable and (
            user.has_perm("followup.change_recommendation", recommendation)
            or user.has_perm("followup.translate_recommendation", recommendation)
        )
        line.can_remove = writable and user.has_perm("followup.remove_recommendation", recommendation)
        lines.append(line)
    return RecommendationsCard(
        outcome=outcome, lines=lines, can_add=writable and user.has_perm("followup.add_recommendation", outcome)
    )


@register.simple_tag
def outcome_document_recommendations(outcome, language: str = "") -> list[RecommendationLine]:
    """The recommendations a document of the outcome lists (its print layout, its presentation): the
    published ones once the outcome is published, every one in a draft; in `language` (the reader's)."""
    language = language or get_language()
    if outcome.state == outcome.State.PUBLISHED:
        recommendations = published_outcome_recommendations(outcome)
    else:
        recommendations = outcome_recommendations(outcome)
    return [_line(recommendation, language) for recommendation in recommendations]


@register.simple_tag
def session_published_recommendations(session) -> list[RecommendationLine]:
    """The session's published recommendations for its public page, in the reader's language."""
    if session is None:
        return []
    language = get_language()
    return [_line(recommendation, language) for recommendation in session_recommendations(session)]
