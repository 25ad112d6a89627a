"""Bar charts for print, drawn on the server as SVG (WeasyPrint draws SVG; nothing is fetched).
Each option's label is written in full above its bar, so long labels never run into the bars."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 600
LABEL_SIZE = 12
ROW = 44  # label line + bar + gap
BAR_TOP = 17
BAR_HEIGHT = 16
VALUE_WIDTH = 90
NAVY, TEAL, TRACK, TEXT = "#12355b", "#0f6e6e", "#e3e8ee", "#1d2430"


def _label(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def print_bar_chart(counts, *, title: str) -> SafeString:
    """counts: objects with label, count and percent (surveys.selectors.OptionCount)."""
    track = WIDTH - VALUE_WIDTH
    rows = [
        (
            index * ROW + LABEL_SIZE,
            _label(str(count.label)),
            index * ROW + BAR_TOP,
            track,
            index * ROW + BAR_TOP,
            max(0, round(track * count.percent / 100)),
            track + 8,
            index * ROW + BAR_TOP + BAR_HEIGHT - 3,
            count.count,
            count.percent,
        )
        for index, count in enumerate(counts)
    ]
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="' + str(LABEL_SIZE) + '" fill="' + TEXT + '">{}</text>'
        '<rect x="0" y="{}" width="{}" height="' + str(BAR_HEIGHT) + '" fill="' + TRACK + '"/>'
        '<rect x="0" y="{}" width="{}" height="' + str(BAR_HEIGHT) + '" fill="' + TEAL + '"/>'
        '<text x="{}" y="{}" font-size="12" font-weight="bold" fill="' + NAVY + '">{} · {}%</text>',
        rows,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img"'
        ' font-family="DejaVu Sans, sans-serif"><title>{}</title>{}</svg>',
        WIDTH,
        len(counts) * ROW,
        WIDTH,
        len(counts) * ROW,
        title,
        body,
    )
