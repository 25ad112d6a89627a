"""checkin: the door's input, and the Chair's office's naming of check-in staff."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from logistics.services.checkin import MAX_VALUE_LENGTH


class ScanForm(forms.Form):
    """One scan as the door page sends it (JSON or form-encoded): a badge's decoded value or a registration
    picked by name, the page's own UUID and the time it was scanned (ISO 8601 with its offset)."""

    value = forms.CharField(required=False, max_length=MAX_VALUE_LENGTH, strip=True)
    registration = forms.IntegerField(required=False, min_value=1)
    scan_id = forms.UUIDField(required=False)
    scanned_at = forms.CharField(required=False, max_length=40)
    session = forms.IntegerField(required=False, min_value=1)

    def clean_scanned_at(self):
        value = self.cleaned_data["scanned_at"]
        if not value:
            return None
        moment = parse_datetime(value)
        if moment is None or moment.tzinfo is None:
            raise forms.ValidationError(_("The scan's time is not a valid time."))
        return moment

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("value") and not cleaned.get("registration") and not self.errors:
            raise forms.ValidationError(_("Scan a badge, paste its code or pick a name."))
        return cleaned


class CheckinStaffNameForm(forms.Form):
    """Check-in staff are named directly, so the address must be an existing account's."""

    email = forms.EmailField(
        label=_("E-mail address of the check-in staff member"),
        help_text=_("The address of an existing account on the portal."),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        self.cleaned_data["user"] = get_user_model().objects.filter(email__iexact=email).first()
        if self.cleaned_data["user"] is None:
            raise forms.ValidationError(
                _("No account has the address %(email)s: ask the person to create one first."),
                code="unknown",
                params={"email": email},
            )
        return email
