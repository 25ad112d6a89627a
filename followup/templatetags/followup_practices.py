"""The practices on other apps' pages (roundtables' public session page, the recommendation's page):
template tags that take the object and query, a bounded number of rows in a fixed number of queries."""

from django import template
from django.utils.translation import get_language

from followup.selectors import practices as selectors

register = template.Library()


@register.simple_tag
def session_practices(session) -> selectors.PracticeExcerpt | None:
    """The published practices presented in the session: at most PARTIAL_LIMIT, and how many more."""
    if session is None:
        return None
    return selectors.practices_of_session(session, get_language())


@register.simple_tag
def recommendation_practices(recommendation) -> selectors.PracticeExcerpt | None:
    """The published practices answering the recommendation: at most PARTIAL_LIMIT, and how many more."""
    if recommendation is None:
        return None
    return selectors.practices_of_recommendation(recommendation, get_language())
