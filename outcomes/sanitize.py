"""The one gate every outcome text passes on its way into the database: an nh3 (ammonia) allow-list.

Whatever the browser sends (the editor, a pasted document, a hand-made POST), only these tags
and attributes are kept; scripts, styles, frames, event handlers, images and javascript: links
never reach a page."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# Tags removed together with everything inside them (not only the tag).
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_outcome_html(html: str) -> str:
    """Sanitised HTML, stripped of surrounding whitespace; an editor's empty paragraph becomes ""."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
