"""Bar charts drawn on the server as SVG: no script, so they hold under the strict CSP, print in
the PDF reports (WeasyPrint draws SVG) and need no CDN.

One answer a row: its label written in full above its bar (so a long label never runs into the
bars), then a bar as long as its share, then the count and the percentage. The web page and the
PDF draw the same rows at their own sizes (SCREEN, PRINT); the page's chart is labelled for screen
readers with a text alternative, the printed one has a title."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

TEXT_COLOUR = "#1d2430"
BAR_COLOUR = "#0f6e6e"


@dataclass(frozen=True)
class ChartStyle:
    width: int
    row: int  # one answer: label line, bar, gap
    margin: int  # above the first row and below the last
    label_y: int  # the label's baseline, from the row's top
    bar_y: int  # the bar's top, from the row's top
    value_y: int  # the figures' baseline, from the bar's top
    bar_height: int
    value_width: int  # room right of the bars for "12 · 40%"
    label_limit: int  # characters before a label is shortened with "…"
    font_size: int
    value_weight: str
    value_colour: str
    track_colour: str
    corner: int  # the bars' rounded corners (rx), 0 for square


SCREEN = ChartStyle(
    width=560,
    row=46,
    margin=2,
    label_y=13,
    bar_y=20,
    value_y=12,
    bar_height=16,
    value_width=78,
    label_limit=78,
    font_size=13,
    value_weight="600",
    value_colour=TEXT_COLOUR,
    track_colour="#e3e7ec",
    corner=4,
)
PRINT = ChartStyle(
    width=600,
    row=44,
    margin=0,
    label_y=12,
    bar_y=17,
    value_y=13,
    bar_height=16,
    value_width=90,
    label_limit=90,
    font_size=12,
    value_weight="bold",
    value_colour="#12355b",
    track_colour="#e3e8ee",
    corner=0,
)


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _height(counts, style: ChartStyle) -> int:
    return len(counts) * style.row + 2 * style.margin


def _rows(counts, style: ChartStyle) -> SafeString:
    """counts: objects with label, count and percent (surveys.selectors.OptionCount)."""
    track = style.width - style.value_width
    rows = []
    for index, count in enumerate(counts):
        top = index * style.row + style.margin
        bar_top = top + style.bar_y
        rows.append(
            (
                top + style.label_y,
                _shorten(str(count.label), style.label_limit),
                bar_top,
                track,
                bar_top,
                max(0, round(track * count.percent / 100)),
                track + 8,
                bar_top + style.value_y,
                count.count,
                count.percent,
            )
        )
    font = f'font-size="{style.font_size}"'
    bar = f'height="{style.bar_height}"' + (f' rx="{style.corner}"' if style.corner else "")
    return format_html_join(
        "",
        f'<text x="0" y="{{}}" {font} fill="{TEXT_COLOUR}">{{}}</text>'
        f'<rect x="0" y="{{}}" width="{{}}" {bar} fill="{style.track_colour}"/>'
        f'<rect x="0" y="{{}}" width="{{}}" {bar} fill="{BAR_COLOUR}"/>'
        f'<text x="{{}}" y="{{}}" {font} font-weight="{style.value_weight}" fill="{style.value_colour}">'
        "{} · {}%</text>",
        rows,
    )


def bar_chart(counts, *, title: str, chart_id: str, css_class: str) -> SafeString:
    """The web page's chart: as wide as its column, named by `title` and described in words (the
    counts table beside it says the same for those who read tables)."""
    summary = "; ".join(
        _("%(label)s: %(count)s (%(percent)s%%)") % {"label": c.label, "count": c.count, "percent": c.percent}
        for c in counts
    )
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-title {}-desc"'
        ' xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        css_class,
        SCREEN.width,
        _height(counts, SCREEN),
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        _rows(counts, SCREEN),
    )


def print_bar_chart(counts, *, title: str) -> SafeString:
    """The PDF's chart: a fixed size, in the font the PDF embeds."""
    height = _height(counts, PRINT)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img"'
        ' font-family="DejaVu Sans, sans-serif"><title>{}</title>{}</svg>',
        PRINT.width,
        height,
        PRINT.width,
        height,
        title,
        _rows(counts, PRINT),
    )
