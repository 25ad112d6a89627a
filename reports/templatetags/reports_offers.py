"""{% report_unavailable %}: why a document cannot be produced now, for other apps' pages.

{% load reports_offers %}
{% report_unavailable "badges" meeting=meeting.pk delegation=delegation.pk as reason %}
{% include "reports/partials/request_form.html" with report_kind="badges" ... report_unavailable=reason %}

It asks the renderer's own `unavailable` check, the one the service applies before queueing, so
the button and the request agree. It costs a query or two: pages with a query-count test count it.
"""

from django import template

from reports.registry import find_renderer

register = template.Library()


@register.simple_tag
def report_unavailable(kind: str, **params) -> str:
    renderer = find_renderer(kind)
    if renderer is None:
        return ""
    return renderer.unavailable({name: value for name, value in params.items() if value not in (None, "")}) or ""


@register.simple_tag
def public_proceedings_available(meeting) -> bool:
    """{% public_proceedings_available meeting as has_proceedings %}: whether the public archive's page
    of the meeting offers its report of the proceedings (an outcome is published). One query."""
    renderer = find_renderer("proceedings")
    return renderer is not None and meeting is not None and renderer.unavailable({"meeting": meeting.pk}) is None
