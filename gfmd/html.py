"""The one nh3 (ammonia) allow-list for rich text people write, such as an outcome's sections.

The outcome editor cleans with it on the way into the database and the PDF renderer again on the
way into a document, so the two can never disagree on what is allowed. Whatever the browser sends
(the editor, a pasted document, a hand-made POST), only these tags and attributes are kept:
scripts, styles, frames, event handlers, images, a link's own `rel` (so no PDF attachments) and
javascript: links never reach a page or a PDF."""

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
LINK_REL = "noopener noreferrer nofollow"


def clean_rich_text(html: str | None) -> str:
    """`html` reduced to the allowed structure (a plain string: mark it safe where it is shown)."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
