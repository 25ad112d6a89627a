"""visa: forms. The passport number is typed into a plain text input that browsers are asked not to
remember; the view that receives it is marked with sensitive_post_parameters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from gfmd.forms import TranslatedFieldsMixin
from logistics.models.visa import VisaLetter
from logistics.services.visa import PLACEHOLDERS, VisaRequest


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VisaRequestForm(forms.Form):
    nationality = forms.ChoiceField(label=_("Nationality (as in your passport)"), choices=[])
    passport_number = forms.CharField(
        label=_("Passport number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DateInput())
    passport_expiry = forms.DateField(
        label=_("Passport expiry date"),
        required=False,
        widget=DateInput(),
        help_text=_("Optional. The passport must stay valid after the meeting ends."),
    )
    consulate_city = forms.CharField(
        label=_("City of the consulate where you apply"),
        max_length=100,
        help_text=_("The host country's embassy or consulate that will receive your visa application."),
    )

    def __init__(self, *args, letter: VisaLetter | None = None, **kwargs):
        if letter is not None and "initial" not in kwargs and not args:
            kwargs["initial"] = {
                "nationality": letter.nationality.code if letter.nationality else "",
                "passport_number": letter.passport_number,
                "date_of_birth": letter.date_of_birth,
                "passport_expiry": letter.passport_expiry,
                "consulate_city": letter.consulate_city,
            }
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = [("", _("— choose —")), *countries]

    def request(self) -> VisaRequest:
        data = self.cleaned_data
        return VisaRequest(
            nationality=data["nationality"],
            passport_number=data["passport_number"],
            date_of_birth=data["date_of_birth"],
            consulate_city=data["consulate_city"],
            passport_expiry=data.get("passport_expiry"),
        )


class VisaTemplateForm(TranslatedFieldsMixin, forms.Form):
    translated_fields = ("letterhead", "body", "signatory_title")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated(
            "letterhead", _("Letterhead"), widget=lambda: forms.Textarea(attrs={"rows": 3}), max_length=600
        )
        for code in ("en", "fr", "es"):
            self.fields[f"letterhead_{code}"].help_text = (
                _("The host government, its ministry and address, one per line.")
                if code == "en"
                else self.optional_help_text
            )
        self.add_translated(
            "body", _("Letter text"), widget=lambda: forms.Textarea(attrs={"rows": 10}), max_length=5000
        )
        self.fields["body_en"].help_text = _("Placeholders: %(names)s.") % {
            "names": ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        }
        self.fields["signatory_name"] = forms.CharField(label=_("Name of the signing officer"), max_length=200)
        self.add_translated("signatory_title", _("Officer's title"), max_length=200)

    def values(self) -> dict:
        return dict(self.cleaned_data)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the letter revoked?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The person reads it in the mail; the verification page only says the letter is revoked."),
    )


class LetterFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("All")), *VisaLetter.State.choices])

    def value(self) -> str:
        if self.is_valid():
            return self.cleaned_data.get("state") or ""
        return ""
