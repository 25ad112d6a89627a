"""Forms that reach people: the audience of a survey, the message of a mailing, a reminder's time."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput
from mailings.placeholders import PLACEHOLDERS, unknown_placeholders
from roundtables.models import Session
from surveys.audiences import Audience
from surveys.forms.base import SurveyTranslatedFieldsMixin
from surveys.models import Survey


class AudienceForm(forms.Form):
    audience = forms.ChoiceField(label=_("Send to"), choices=Audience.choices, widget=forms.RadioSelect)
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=Session.objects.none(), required=False, empty_label=_("Choose a session")
    )
    delegations = forms.ModelMultipleChoiceField(
        label=_("Delegations"),
        queryset=Delegation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Their focal points receive the mail. Hold Ctrl (or ⌘) to choose several."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("People"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Focal points, registered participants and session team members."),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = survey.meeting
        self.fields["session"].queryset = meeting.sessions.filter(kind="roundtable").order_by("code")
        self.fields["session"].label_from_instance = lambda session: f"{session.code} {session.title}"
        self.fields["delegations"].queryset = Delegation.objects.order_by("name")
        self.fields["people"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(focal_point_roles__meeting=meeting)
                | Q(registrations__meeting=meeting)
                | Q(session_roles__session__meeting=meeting)
            )
            .distinct()
            .order_by("last_name", "first_name", "email")
        )
        self.fields["people"].label_from_instance = lambda person: f"{person.display_name} <{person.email}>"

    def clean(self):
        cleaned = super().clean()
        audience = cleaned.get("audience")
        if audience == Audience.SESSION_TEAM and not cleaned.get("session"):
            self.add_error("session", _("Choose the session whose team receives the survey."))
        if audience == Audience.HAND_PICKED and not cleaned.get("delegations") and not cleaned.get("people"):
            self.add_error("delegations", _("Choose at least one delegation or one person."))
        return cleaned


class MessageForm(SurveyTranslatedFieldsMixin, forms.Form):
    """A mailing's subject and message in the three languages, with the placeholders."""

    translated_fields = ("subject", "body")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated("subject", _("Subject"), max_length=200)
        self.add_translated("body", _("Message"), widget=lambda: forms.Textarea(attrs={"rows": 14}))

    @staticmethod
    def placeholders() -> list[tuple[str, str]]:
        return [(f"{{{name}}}", description) for name, description in PLACEHOLDERS.items()]

    @classmethod
    def initial_from(cls, subjects: dict, bodies: dict) -> dict:
        initial = {}
        for code in languages.CODES:
            initial[f"subject_{code}"] = subjects.get(code, "")
            initial[f"body_{code}"] = bodies.get(code, "")
        return initial

    def clean(self):
        cleaned = super().clean()
        for code in languages.CODES:
            body, subject = cleaned.get(f"body_{code}") or "", cleaned.get(f"subject_{code}") or ""
            for base in self.translated_fields:
                name = f"{base}_{code}"
                unknown = unknown_placeholders(cleaned.get(name) or "")
                if unknown:
                    self.add_error(
                        name,
                        _("Unknown placeholder %(names)s. Use only %(known)s.")
                        % {
                            "names": ", ".join(f"{{{n}}}" for n in unknown),
                            "known": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                        },
                    )
            if body and "{link}" not in body:
                self.add_error(f"body_{code}", _("The message must contain {link}: the recipient's personal link."))
            if bool(body) != bool(subject) and code != languages.DEFAULT:
                self.add_error(
                    f"subject_{code}", _("Give both the subject and the message in this language, or neither.")
                )
        return cleaned


class ReminderScheduleForm(MessageForm):
    send_at = forms.DateTimeField(label=_("Send at"), input_formats=[DATETIME_LOCAL], widget=DateTimeLocalInput())

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_at"].help_text = _("Time in %(city)s (%(zone)s).") % {
            "city": meeting.city,
            "zone": meeting.time_zone,
        }
