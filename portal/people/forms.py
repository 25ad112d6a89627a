from django import forms
from django.utils.translation import gettext_lazy as _


class PeopleSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, e-mail address, organisation or delegation"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=_("Kept in the activity log with your name."),
    )


class StaffInvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the colleague"), widget=forms.EmailInput(attrs={"class": "form-control"})
    )
