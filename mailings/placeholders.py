"""Placeholders in a mailing's subject and message, filled in for each recipient.

One pass with a fixed list of names: a value is inserted as plain text and never read again as a
template (no str.format on user text), so a name such as "{link}" or "{0.__class__}" stays just that.

The personal link is only known when the mail is sent, so the message is stored half-rendered:
every other placeholder filled in, "{link}" kept, and every literal brace doubled; `finalize()`
then puts the link in and undoubles the braces in one pass.
"""

import dataclasses
import datetime
import re
import unicodedata

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
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


# An edited mail text (mailings.models.MailText): the registered mail's placeholders as {name}, and
# nothing else in braces. Not the template language: whoever edits a text cannot run a tag, a
# filter or reach an attribute of the objects the default templates receive.
_TEXT_TOKEN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_TEMPLATE_CODE = re.compile(r"\{[{%#]|[}%#]\}")


def personal_link_names(placeholders: dict) -> list[str]:
    """The placeholders that hold a personal link (made when the mail is sent, see mailings.links)."""
    return [name for name, description in placeholders.items() if description is PLACEHOLDERS["link"]]


def text_errors(subject: str, body: str, placeholders: dict) -> dict[str, list[str]]:
    """What is wrong with an edited subject and text, by field ({} when nothing is)."""
    errors = {"subject": [], "body": []}
    if any(unicodedata.category(char) == "Cc" for char in subject):
        errors["subject"].append(_("The subject must be a single line, without line breaks."))
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in body):
        errors["body"].append(_("The text contains control characters; type it again or paste it as plain text."))
    for field, text in (("subject", subject), ("body", body)):
        if _TEMPLATE_CODE.search(text):
            errors[field].append(
                _("Template code is not allowed here: write each placeholder as {name}, in single braces.")
            )
            continue
        unknown = sorted({name for name in _TEXT_TOKEN.findall(text) if name not in placeholders})
        if unknown:
            errors[field].append(
                _("Unknown placeholder: %(names)s. Use only the placeholders listed for this mail.")
                % {"names": ", ".join(f"{{{name}}}" for name in unknown)}
            )
        rest = _TEXT_TOKEN.sub("", text)
        if "{" in rest or "}" in rest:
            errors[field].append(
                _("A brace stands alone or encloses something else than a name: write placeholders as {name}.")
            )
    links = personal_link_names(placeholders)
    if links:
        used = {name for name in _TEXT_TOKEN.findall(subject) if name in links}
        if used:
            errors["subject"].append(_("The personal link cannot go in the subject."))
        if not any(name in links for name in _TEXT_TOKEN.findall(body)):
            errors["body"].append(
                _("The text must contain the recipient's personal link: %(names)s.")
                % {"names": " ".join(f"{{{name}}}" for name in links)}
            )
    return {field: messages for field, messages in errors.items() if messages}


def placeholder_text(value) -> str:
    """A value the default templates receive, as an edited text shows it: plain text, never read
    again as a template. A person by their name, a date in the active language, a list one item a line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, (str, Promise)):
        return str(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    display_name = getattr(value, "display_name", None)
    if isinstance(display_name, str):
        return display_name
    if isinstance(value, (list, tuple, set, frozenset, QuerySet)):
        return "\n".join(placeholder_text(item) for item in value)
    if type(value).__str__ is object.__str__:
        # No text of its own: never its repr (a class name, a memory address). A dataclass (a
        # digest's line) reads as its fields' texts.
        if dataclasses.is_dataclass(value):
            parts = (placeholder_text(getattr(value, item.name)) for item in dataclasses.fields(value))
            return " · ".join(part for part in parts if part)
        return ""
    return str(value)


def render_text(text: str, values: dict) -> str:
    """An edited text with its placeholders filled in, in one pass: a value containing "{name}" stays as it is."""
    return _TEXT_TOKEN.sub(lambda match: placeholder_text(values.get(match.group(1))), text)
