"""Shared pieces of the surveys forms: the languages, a datetime-local input, tabs per language."""

from django import forms
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


class LanguageTabsMixin:
    """Fields named <base>_en/_fr/_es, grouped in one tab per language (English required)."""

    translated_fields: tuple[str, ...] = ()
    translated_labels: dict = {}

    def _add_translated(self, base: str, label, *, widget=None, required: bool = True, max_length=None) -> None:
        for code, language in LANGUAGE_NAMES.items():
            field = forms.CharField(
                label=f"{label} ({language})",
                required=required and code == "en",
                max_length=max_length,
                widget=widget() if widget else forms.TextInput(),
                help_text=""
                if code == "en"
                else _("Optional: those who read French or Spanish see this; the others see English."),
            )
            field.widget.attrs["lang"] = code
            self.fields[f"{base}_{code}"] = field

    def language_tabs(self) -> list[dict]:
        tabs = []
        for code, name in LANGUAGE_NAMES.items():
            fields = [self[f"{base}_{code}"] for base in self.translated_fields if f"{base}_{code}" in self.fields]
            tabs.append({"code": code, "name": name, "fields": fields, "has_errors": any(f.errors for f in fields)})
        active = next((tab for tab in tabs if tab["has_errors"]), tabs[0])
        active["active"] = True
        return tabs

    def translated(self, base: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{base}_{code}", "") for code in LANGUAGE_NAMES}
