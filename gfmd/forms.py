"""What every app's forms share: texts in the working languages shown one tab per language, the
datetime-local input, and a service's refusal shown next to the fields it names."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gfmd import languages

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (or above the form when the
    field is not on this form), keeping what the person typed."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class TranslatedFieldsMixin:
    """A form whose texts come in every working language, as fields <base>_en, <base>_fr,
    <base>_es: English is required, the translations optional, and partials/language_tabs.html
    shows them one tab per language."""

    translated_fields: tuple[str, ...] = ()
    optional_help_text = _("Optional. Readers who chose this language see it; the others see English.")
    # How partials/language_tabs.html draws the tabs. The ids start with the form's prefix, so two
    # forms on one page keep theirs apart; `tab_lang` marks each tab with its language; `tab_fade`
    # fades a pane in.
    tab_id_prefix = ""
    tab_lang = True
    tab_fade = False

    def add_translated(self, base: str, label, *, widget=None, required: bool = True, max_length=None) -> None:
        """Add <base>_en, <base>_fr, <base>_es, labelled "Label (English)"...; only English may be required."""
        for code, language in languages.NAMES.items():
            field = forms.CharField(
                label=f"{label} ({language})",
                required=required and code == languages.DEFAULT,
                max_length=max_length,
                widget=widget() if widget else forms.TextInput(),
                help_text="" if code == languages.DEFAULT else self.optional_help_text,
            )
            field.widget.attrs["lang"] = code
            self.fields[f"{base}_{code}"] = field

    def label_translations(self, labels: dict[str, str], *, required: tuple[str, ...] = ("title",)) -> None:
        """For a model form's own fields: label title_en as "Title (English)", mark each input with
        its language, make the translations optional and the English versions of `required` not."""
        for name, field in self.fields.items():
            base, _sep, language = name.rpartition("_")
            if base in labels and language in languages.NAMES:
                field.label = f"{labels[base]} ({languages.NAMES[language]})"
                field.widget.attrs["lang"] = language
                if language != languages.DEFAULT:
                    field.required = False
                    field.help_text = self.optional_help_text
        for base in required:
            name = f"{base}_{languages.DEFAULT}"
            if name in self.fields:
                self.fields[name].required = True

    def language_tabs(self) -> list[dict]:
        """One tab per language with its fields; the first tab with an error is open, else English."""
        prefix = self.prefix or self.tab_id_prefix
        ids = f"{prefix}-" if prefix else ""
        tabs = []
        for code, name in languages.NAMES.items():
            fields = [self[f"{base}_{code}"] for base in self.translated_fields if f"{base}_{code}" in self.fields]
            tabs.append(
                {
                    "code": code,
                    "name": name,
                    "fields": fields,
                    "has_errors": any(f.errors for f in fields),
                    "required": any(f.field.required for f in fields),
                    "tab_id": f"{ids}tab-{code}",
                    "pane_id": f"{ids}pane-{code}",
                }
            )
        active = next((tab for tab in tabs if tab["has_errors"]), tabs[0])
        active["active"] = True
        return tabs

    def translated(self, base: str) -> dict[str, str]:
        """The cleaned texts of <base> by language: {"en": ..., "fr": ..., "es": ...}."""
        return {code: self.cleaned_data.get(f"{base}_{code}", "") for code in languages.CODES}
