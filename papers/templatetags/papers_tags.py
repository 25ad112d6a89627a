from django import template

from papers import selectors

register = template.Library()


@register.simple_tag
def session_published_papers(session):
    """The published papers of a session, for the public session page."""
    if session is None:
        return []
    return selectors.session_published_papers(session)


@register.filter
def short_hash(value: str) -> str:
    return f"{value[:12]}…" if value else ""


@register.simple_tag
def meeting_published_paper_count(meeting):
    """For the meeting's page in the public archive: its papers in the library."""
    return selectors.meeting_published_paper_count(meeting)
