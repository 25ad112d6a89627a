from dataclasses import dataclass

from django import template
from django.core.paginator import Page, Paginator
from django.utils.translation import get_language

from gfmd.paging import query_without
from outcomes import selectors
from outcomes.selectors import published_outcome, reading_sections, sign_offs, translation_pending

register = template.Library()

OUTCOMES_PER_PAGE = 50


@register.simple_tag
def session_published_outcome(session):
    """The session's published outcome, or None (for the session's public page), in the reader's
    language where its translation is published, with its co-chairs' sign-offs (a sign-off that no
    longer counts is shown as such)."""
    outcome = published_outcome(session) if session is not None else None
    if outcome is not None:
        outcome.session = session
        outcome.reading = reading_sections(outcome, get_language())
        outcome.translation_pending = translation_pending(outcome.reading)
        outcome.signed = [sign_off for sign_off in sign_offs(outcome) if sign_off.approval]
    return outcome


@dataclass(frozen=True)
class OutcomesPage:
    """A page of a meeting's published outcomes and the query string its pager keeps."""

    page: Page
    query: str


@register.simple_tag(takes_context=True)
def meeting_published_outcomes(context, meeting) -> OutcomesPage:
    """The meeting's published outcomes, for its page in the public archive: a page at a time (400 at the
    benchmark's 10x), turned by the `outcomes` parameter so the page's other lists keep theirs."""
    request = context["request"]
    page = Paginator(selectors.meeting_published_outcomes(meeting), OUTCOMES_PER_PAGE).get_page(
        request.GET.get("outcomes")
    )
    return OutcomesPage(page=page, query=query_without(request, "outcomes"))
