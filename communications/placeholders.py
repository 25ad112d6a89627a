"""The placeholders of a composed mailing, and the check that runs before anything is saved or sent.

The texts are filled in by mailings.placeholders (the one renderer every mailing uses); this module
says which names a composed mailing may use and refuses anything else: an unknown {placeholder} or a
lone brace would otherwise reach the recipient as written."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS

# What {meeting} and {session} say; registered with mailings.placeholders in CommunicationsConfig.ready().
MEETING = _("the meeting's title, in the recipient's language")
SESSION = _("the session's code and title, in the recipient's language (a mailing to one session only)")

_TOKEN = re.compile(r"\{([^{}\s]{0,40})\}|[{}]")


def available(*, with_session: bool) -> dict[str, str]:
    """The placeholders a composed mailing may use, with what each becomes."""
    names = {name: PLACEHOLDERS[name] for name in ("salutation", "name", "delegation")}
    names["meeting"] = MEETING
    if with_session:
        names["session"] = SESSION
    return names


def problems(text: str, *, with_session: bool) -> list[str]:
    """What is wrong with the placeholders of `text`, in words for the person writing (empty when nothing)."""
    allowed = available(with_session=with_session)
    unknown: list[str] = []
    stray = False
    for match in _TOKEN.finditer(text or ""):
        name = match.group(1)
        if not name:  # a lone brace, or "{}"
            stray = True
        elif name not in allowed:
            if name == "session":
                return [str(_("{session} is only available in a mailing to the participants of one session."))]
            if name not in unknown:
                unknown.append(name)
    messages = []
    if unknown:
        messages.append(
            str(
                _("Unknown placeholder %(names)s. Use only %(known)s.")
                % {
                    "names": ", ".join(f"{{{name}}}" for name in unknown),
                    "known": ", ".join(f"{{{name}}}" for name in allowed),
                }
            )
        )
    if stray:
        messages.append(
            str(
                _("A brace that opens or closes no placeholder. Braces are only for placeholders, written like {name}.")
            )
        )
    return messages


def validate(text: str, *, with_session: bool) -> None:
    found = problems(text, with_session=with_session)
    if found:
        raise ValidationError(found)
