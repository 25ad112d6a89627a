"""Checks on what a person types about themselves."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gfmd.text import CONTROL_CHARACTERS


def validate_no_markup(value: str) -> None:
    """A name is printed on badges, lists, mails and PDFs: refuse angle brackets, as pretix does,
    rather than storing `<b>Amara</b>` and relying on every output to escape it."""
    if "<" in value or ">" in value:
        raise ValidationError(
            _("A name cannot contain angle brackets (< or >). Please type it as it should be printed."),
            code="markup",
        )
    # Invisible, and forbidden in HTML and XML: a pasted control character would break every page and export.
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("A name cannot contain control characters. Please type it again rather than pasting it."),
            code="control",
        )
