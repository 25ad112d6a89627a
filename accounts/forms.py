from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.selectors import user_roles
from accounts.validators import validate_no_markup


class SignupForm(AllauthSignupForm):
    first_name = forms.CharField(label=_("First name"), max_length=150, validators=[validate_no_markup])
    last_name = forms.CharField(label=_("Last name"), max_length=150, validators=[validate_no_markup])

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "honorific",
            "first_name",
            "last_name",
            "job_title",
            "organisation",
            "preferred_language",
            "decision_mail",
        ]
        widgets = {"decision_mail": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Checked by the form field too, not only by the model: a refused name then never reaches
        # the instance, which is the signed-in user the header shows on the same page.
        for name in ("first_name", "last_name"):
            self.fields[name].validators.append(validate_no_markup)
        # Only those who decide on registrations are mailed about them.
        roles = user_roles(self.instance)
        # A focal point of any meeting (one preparing next year's too, not only the current one's).
        coordinator = roles.civil_society_coordinator or roles.menu.get("coordinated_meetings")
        if not (roles.focal_points_by_meeting or coordinator):
            del self.fields["decision_mail"]
