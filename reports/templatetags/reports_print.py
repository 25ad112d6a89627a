"""Filters for the printed documents."""

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def date_range(start, end) -> str:
    """8-11 November 2010; 30 October - 2 November 2010 (with en dashes); one date for one day."""
    if not start:
        return ""
    if not end or end == start:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"
