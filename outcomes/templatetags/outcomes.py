from django import template

from outcomes import selectors
from outcomes.selectors import published_outcome, sign_offs

register = template.Library()


@register.simple_tag
def session_published_outcome(session):
    """The session's published outcome, or None (for the session's public page), with its co-chairs'
    sign-offs (a sign-off that no longer counts is shown as such)."""
    outcome = published_outcome(session) if session is not None else None
    if outcome is not None:
        outcome.session = session
        outcome.signed = [sign_off for sign_off in sign_offs(outcome) if sign_off.approval]
    return outcome


@register.simple_tag
def meeting_published_outcomes(meeting):
    """The meeting's published outcomes, for its page in the public archive."""
    return list(selectors.meeting_published_outcomes(meeting))
