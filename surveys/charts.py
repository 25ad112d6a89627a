"""Bar charts drawn on the server as SVG: no script, so they hold under the strict CSP, print in
the PDF report (WeasyPrint draws SVG) and need no CDN. The counts table beside each chart says the
same in words for screen readers; the SVG is labelled as an image with a text alternative."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH = 560
LABEL_WIDTH = 190
BAR_HEIGHT = 22
GAP = 10
BAR_COLOUR = "#0f6e6e"
TRACK_COLOUR = "#e3e7ec"
TEXT_COLOUR = "#1d2430"


def _shorten(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(counts, *, title: str, chart_id: str) -> SafeString:
    """Horizontal bars, one per option: its label, a bar as long as its share, the count and %."""
    track = WIDTH - LABEL_WIDTH - 90
    height = len(counts) * (BAR_HEIGHT + GAP) + GAP
    summary = "; ".join(
        _("%(label)s: %(count)s (%(percent)s%%)") % {"label": c.label, "count": c.count, "percent": c.percent}
        for c in counts
    )
    rows = []
    for index, count in enumerate(counts):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = round(track * count.percent / 100)
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                _shorten(count.label),
                LABEL_WIDTH,
                y,
                track,
                BAR_HEIGHT,
                LABEL_WIDTH,
                y,
                bar,
                BAR_HEIGHT,
                LABEL_WIDTH + track + 8,
                y + BAR_HEIGHT * 0.7,
                count.count,
                count.percent,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="13" fill="' + TEXT_COLOUR + '">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="' + TRACK_COLOUR + '"/>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="' + BAR_COLOUR + '"/>'
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
