from django import template

from outcomes.selectors import published_outcome

register = template.Library()


@register.simple_tag
def session_published_outcome(session):
    """The session's published outcome, or None (for the session's public page)."""
    return published_outcome(session) if session is not None else None
