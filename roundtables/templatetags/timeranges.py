"""{% time_range start end %}: a time range as every page writes it (see gfmd.timeranges).

It renders two <time> elements whose datetime attributes carry the offset and no microseconds (the HTML
checker refuses those), in the active zone (the views set the meeting's) unless `zone=` names one."""

from django import template
from django.utils.html import format_html

from gfmd.timeranges import format_time_range, iso_moment, time_range_parts

register = template.Library()


@register.simple_tag
def time_range(start, end=None, *, zone=None, style="short", language=None):
    if not start:
        return ""
    (start_local, start_text), separator, end_part = time_range_parts(
        start, end or None, zone=zone, language=language, style=style
    )
    start_html = format_html(
        '<time datetime="{}">{}</time>', iso_moment(start_local, zone=start_local.tzinfo), start_text
    )
    if end_part is None:
        return start_html
    end_local, end_text = end_part
    return format_html(
        '{}{}<time datetime="{}">{}</time>',
        start_html,
        separator,
        iso_moment(end_local, zone=end_local.tzinfo),
        end_text,
    )


@register.simple_tag
def time_range_text(start, end=None, *, zone=None, style="short", language=None):
    """The same words without markup, for attributes and plain-text mail."""
    if not start:
        return ""
    return format_time_range(start, end or None, zone=zone, language=language, style=style)


@register.filter
def iso_datetime(value, zone=None):
    """For <time datetime="...">: ISO 8601 with the offset, to the second (the HTML checker refuses
    microseconds), in the active zone unless one is named."""
    return iso_moment(value, zone=zone) if value else ""
