"""The recommendation's follow-up for the pages that show it (templates/followup/reports/_recommendation_followup.html):
its latest status changes and reports, and what the reader may do about them."""

from django import template
from django.utils import translation

from followup.permissions.reports import REVIEW_FOLLOWUP
from followup.selectors.recommendations import reading_text
from followup.selectors.reports import followup_of, reporting_roles
from gfmd import languages
from roundtables.models import Meeting

register = template.Library()


@register.simple_tag(takes_context=True)
def recommendation_followup(context, recommendation) -> dict:
    """{"followup": selectors.Followup, "can_report": bool, "review_meeting": the meeting whose follow-up
    the reader's Chair's office changes the status in, or None}. Anonymous readers cost no extra query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    can_report = False
    review_meeting = None
    if user is not None and user.is_authenticated:
        can_report = bool(reporting_roles(user))
        current = Meeting.objects.current()
        if (
            current is not None
            and current.closed_at is None
            and current.number >= recommendation.outcome.session.meeting.number
            and user.has_perm(REVIEW_FOLLOWUP, current)
        ):
            review_meeting = current
    return {"followup": followup_of(recommendation), "can_report": can_report, "review_meeting": review_meeting}


# Bootstrap's text-bg-* pairs keep AA contrast; the partial is included on other parts' pages, so it uses
# no stylesheet of its own.
_STATUS_CLASSES = {
    "proposed": "text-bg-light border",
    "taken_up": "text-bg-info",
    "in_progress": "text-bg-warning",
    "implemented": "text-bg-success",
    "superseded": "text-bg-secondary",
}


@register.filter
def status_class(status: str) -> str:
    """The badge classes of a recommendation's status."""
    return _STATUS_CLASSES.get(status, "text-bg-light border")


@register.simple_tag
def recommendation_text(recommendation):
    """The text in the reader's language, else the original's, marked (`.text`, `.language`, `.fallback`)."""
    return reading_text(recommendation, (translation.get_language() or languages.DEFAULT).split("-")[0])
