"""Template tags of the tracker (part "tracker"), for the partials other apps' pages include."""

from django import template
from django.utils.translation import get_language

from followup.selectors.tracker import builds_on, with_reading

register = template.Library()


@register.simple_tag
def session_builds_on(session):
    """The published recommendations the session builds on, in the reader's language (the outcome's
    original where there is no translation), for the session's public page. One query."""
    if session is None or getattr(session, "pk", None) is None:
        return []
    return with_reading(builds_on(session), get_language())
