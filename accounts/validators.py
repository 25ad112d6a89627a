"""Checks on what a person types about themselves."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_no_markup(value: str) -> None:
    """A name is printed on badges, lists, mails and PDFs: refuse angle brackets, as pretix does,
    rather than storing `<b>Amara</b>` and relying on every output to escape it."""
    if "<" in value or ">" in value:
        raise ValidationError(
            _("A name cannot contain angle brackets (< or >). Please type it as it should be printed."),
            code="markup",
        )
