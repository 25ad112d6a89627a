from django import forms
from django.utils.translation import gettext_lazy as _


class AnonymiseConfirmForm(forms.Form):
    """The Chair's office types the meeting's number: an irreversible act is not one click."""

    confirmation = forms.CharField(
        label=_("The meeting's number"),
        max_length=10,
        widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["confirmation"].help_text = _("Type %(number)s to confirm that you mean this meeting.") % {
            "number": meeting.number
        }

    def clean_confirmation(self) -> str:
        value = self.cleaned_data["confirmation"].strip()
        if value != str(self.meeting.number):
            raise forms.ValidationError(
                _("Type %(number)s, the number of %(meeting)s, to confirm.")
                % {"number": self.meeting.number, "meeting": self.meeting.title},
                code="mismatch",
            )
        return value
