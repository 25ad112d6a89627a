from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd import languages


class SectionSaveForm(forms.Form):
    """What the editor (or the plain form without JavaScript) sends for one section."""

    html = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea, max_length=500_000)
    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    client_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    # Set when the writer resolves a conflict: the version they merged with.
    conflict_revision = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    # A translation's save: the original's version shown beside it, the one this text translates.
    source_revision = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class OriginalLanguageForm(forms.Form):
    """The language the rapporteur drafts in (on starting the outcome, or while nothing is written)."""

    original_language = forms.ChoiceField(
        label=_("Original language"),
        choices=list(languages.NAMES.items()),
        help_text=_(
            "The language the rapporteur drafts in: the co-chairs sign off this text, the translators translate it."
        ),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment on this section"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the rapporteur change?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
