from django import forms
from django.utils.translation import gettext_lazy as _

from api.services import NAME_MAX


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=NAME_MAX,
        help_text=_("For example: the GFMD website's import of registrations."),
    )
