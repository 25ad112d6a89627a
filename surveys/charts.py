"""Bar charts drawn on the server as SVG: no script, so they hold under the strict CSP, print in
the PDF report (WeasyPrint draws SVG) and need no CDN. The counts table beside each chart says the
same in words for screen readers; the SVG is labelled as an image with a text alternative."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH = 560
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW = LABEL_HEIGHT + BAR_HEIGHT + 12
FIGURE_WIDTH = 78
BAR_COLOUR = "#0f6e6e"
TRACK_COLOUR = "#e3e7ec"
TEXT_COLOUR = "#1d2430"


def _shorten(label: str, limit: int = 78) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(counts, *, title: str, chart_id: str) -> SafeString:
    """One row per answer: its label, then a bar as long as its share, with the count and %."""
    track = WIDTH - FIGURE_WIDTH
    height = len(counts) * ROW + 4
    summary = "; ".join(
        _("%(label)s: %(count)s (%(percent)s%%)") % {"label": c.label, "count": c.count, "percent": c.percent}
        for c in counts
    )
    rows = []
    for index, count in enumerate(counts):
        top = index * ROW + 2
        bar_top = top + LABEL_HEIGHT + 2
        rows.append(
            (
                top + 13,
                _shorten(count.label),
                bar_top,
                track,
                BAR_HEIGHT,
                bar_top,
                round(track * count.percent / 100),
                BAR_HEIGHT,
                track + 8,
                bar_top + 12,
                count.count,
                count.percent,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="13" fill="' + TEXT_COLOUR + '">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" rx="4" fill="' + TRACK_COLOUR + '"/>'
        '<rect x="0" y="{}" width="{}" height="{}" rx="4" fill="' + BAR_COLOUR + '"/>'
        '<text x="{}" y="{}" font-size="13" font-weight="600" fill="' + TEXT_COLOUR + '">{} · {}%</text>',
        rows,
    )
    return format_html(
        '<svg class="survey-chart" viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-title {}-desc"'
        ' xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        body,
    )
