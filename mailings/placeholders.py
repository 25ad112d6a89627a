"""Placeholders in a mailing's subject and message, filled in for each recipient.

One pass with a fixed list of names: a value is inserted as plain text and never read again as a
template (no str.format on user text), so a name such as "{link}" or "{0.__class__}" stays just that.

The personal link is only known when the mail is sent, so the message is stored half-rendered:
every other placeholder filled in, "{link}" kept, and every literal brace doubled; `finalize()`
then puts the link in and undoubles the braces in one pass.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = {
    "salutation": _("the greeting written for the recipient in their language, e.g. “Dear Ms Adeyemi,”"),
    "name": _("the recipient's name"),
    "delegation": _("the recipient's delegation"),
    "survey": _("the survey's title"),
    "closing_date": _("the survey's closing date"),
    "link": _("the recipient's personal link (created when the mail is sent)"),
}
# Placeholders a higher app fills in for its own mailings (communications: {meeting}, {session}), registered
# from its AppConfig.ready(): rendered like the ones above, but not listed in the surveys' editor, which
# offers PLACEHOLDERS.
EXTRA_PLACEHOLDERS: dict[str, str] = {}


def _token_pattern() -> re.Pattern:
    return re.compile(r"\{(" + "|".join([*PLACEHOLDERS, *EXTRA_PLACEHOLDERS]) + r")\}|[{]")


_TOKEN = _token_pattern()
_FINAL = re.compile(r"\{\{|\{link\}")
_ANY = re.compile(r"\{([^{}\s]{1,40})\}")


def register_placeholder(name: str, description) -> None:
    """Let mailing_create() fill in {name} from each recipient's values (a name the surveys never use)."""
    global _TOKEN
    if name not in PLACEHOLDERS and name not in EXTRA_PLACEHOLDERS:
        EXTRA_PLACEHOLDERS[name] = description
        _TOKEN = _token_pattern()


def single_line(value) -> str:
    """Names and titles end up in headers: a line break there would be header injection. Every
    whitespace run becomes one space, and control characters (NUL, ESC...) go."""
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in str(value))
    return " ".join(text.split())


def unknown_placeholders(template: str) -> list[str]:
    return sorted({name for name in _ANY.findall(template) if name not in PLACEHOLDERS})


def render(template: str, values: dict[str, str]) -> str:
    """The final text, every placeholder filled in ({link} too, from values). For subjects."""
    return finalize(render_for_outbox(template, values), link=single_line(values.get("link", "")))


def render_for_outbox(template: str, values: dict[str, str]) -> str:
    """The half-rendered text stored in the outbox: {link} kept, literal braces doubled."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name is None:
            return "{{"
        if name == "link":
            return "{link}"
        return single_line(values.get(name, "")).replace("{", "{{")

    return _TOKEN.sub(replace, template)


def finalize(stored: str, *, link: str) -> str:
    return _FINAL.sub(lambda match: "{" if match.group(0) == "{{" else link, stored)


def with_link_placeholder(rendered: str, *, marker: str) -> str:
    """A notification rendered with `marker` where its personal link goes, stored like a
    mailing's message: literal braces doubled and the marker turned into "{link}", so that
    `finalize()` puts the link in when the mail is sent."""
    return rendered.replace("{", "{{").replace(marker, "{link}")
