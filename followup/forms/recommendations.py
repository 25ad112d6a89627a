"""The form a rapporteur marks a recommendation with (and a translator fills their language in)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.models import Addressee, Theme
from followup.services.recommendations import TEXT_MAX_LENGTH
from gfmd import languages


class RecommendationForm(forms.Form):
    """Texts in the three working languages, addressees, themes. `editable` names the languages whose
    text the person may write; `marks` says whether they choose the addressees and themes (the
    rapporteur) or only translate. The service checks both again."""

    addressees = forms.MultipleChoiceField(
        label=_("Addressed to"),
        choices=Addressee.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,  # the service says "at least one" in its own words
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, original_language: str, editable: set[str], marks: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.original_language = original_language
        self.editable = editable
        self.marks = marks
        # The original first, then the other working languages.
        order = [original_language, *(code for code in languages.CODES if code != original_language)]
        for code in order:
            name = languages.NAMES[code]
            label = (
                _("Text in %(language)s (original)") % {"language": name}
                if code == original_language
                else _("Text in %(language)s (translation, optional)") % {"language": name}
            )
            field = forms.CharField(
                label=label,
                required=False,
                max_length=TEXT_MAX_LENGTH,
                strip=True,
                disabled=code not in editable,
                widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX_LENGTH, "lang": code}),
            )
            self.fields[f"text_{code}"] = field
        self.order_fields([f"text_{code}" for code in order])
        if not marks:
            self.fields["addressees"].disabled = True
            self.fields["themes"].disabled = True
        self.fields["themes"].label_from_instance = lambda theme: theme.name

    def text_fields(self):
        return [self[name] for name in self.fields if name.startswith("text_")]  # the original first

    def texts(self) -> dict[str, str]:
        """The texts the person may write, by language (the service ignores the others)."""
        return {code: self.cleaned_data.get(f"text_{code}") or "" for code in self.editable}
