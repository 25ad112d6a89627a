"""Forms of the Chair's office and of co-chairs. Bad input gets a message next to its field."""

import datetime as dt
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput, TranslatedFieldsMixin
from roundtables.models import Meeting, Room, Roundtable, Session, SessionDelegation, SessionPerson
from roundtables.schedule import session_clash_errors
from roundtables.selectors import co_chair_delegations

# delegations sits above roundtables: its model comes from the team's foreign key, never imported.
Delegation = SessionDelegation._meta.get_field("delegation").related_model


class RoundtableForm(TranslatedFieldsMixin, forms.ModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Roundtable
        fields = ["number", *languages.field_names("title", "description")]
        widgets = {f"description_{language}": forms.Textarea(attrs={"rows": 5}) for language in languages.CODES}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.label_translations({"title": _("Title"), "description": _("Description")})
        self.fields["number"].help_text = _("Roundtable 1, 2, 3… as the programme numbers them.")
        if not self.instance.pk and not self.is_bound:
            self.initial["number"] = (max((rt.number for rt in meeting.roundtables.all()), default=0)) + 1

    def clean_number(self):
        number = self.cleaned_data["number"]
        others = self.meeting.roundtables.filter(number=number).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Roundtable %(number)s already exists in this meeting."), params={"number": number}
            )
        return number


class RoomForm(TranslatedFieldsMixin, forms.ModelForm):
    """A room's name in each language (the programme, the session pages and the badges show it) and its seats."""

    translated_fields = ("name",)

    class Meta:
        model = Room
        fields = [*languages.field_names("name"), "capacity"]

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.instance.meeting = meeting
        self.label_translations({"name": _("Name")}, required=("name",))
        self.fields["capacity"].help_text = _("Seats in the room, if known.")

    def clean(self):
        data = super().clean()
        # Two rooms of one meeting never share a name in any language (a database constraint per language):
        # say so next to the field rather than fail on save.
        for code in languages.CODES:
            name = f"name_{code}"
            value = (data.get(name) or "").strip()
            if value and self.meeting.rooms.filter(**{f"{name}__iexact": value}).exclude(pk=self.instance.pk).exists():
                self.add_error(name, _("Another room of this meeting is already called “%(name)s”.") % {"name": value})
        return data


class SessionForm(TranslatedFieldsMixin, forms.ModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Session
        fields = [
            "roundtable",
            "code",
            "kind",
            "heads_only",
            *languages.field_names("title", "description"),
            "room",
            "starts_at",
            "ends_at",
            "capacity",
            "team_notes",
        ]
        widgets = {
            **{f"description_{language}": forms.Textarea(attrs={"rows": 6}) for language in languages.CODES},
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "team_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.instance.meeting = meeting
        self.label_translations({"title": _("Title"), "description": _("Description")})
        self.fields["roundtable"].queryset = meeting.roundtables.order_by("order", "number")
        self.fields["roundtable"].empty_label = _("(none: plenary, special session, civil society)")
        self.fields["room"].queryset = meeting.rooms.order_by("name")
        self.fields["room"].empty_label = _("(not yet known)")
        zone = meeting.time_zone
        self.fields["starts_at"].help_text = _("Local time in %(city)s (%(zone)s).") % {
            "city": meeting.city,
            "zone": zone,
        }
        self.fields["ends_at"].help_text = self.fields["starts_at"].help_text
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        self.fields["team_notes"].help_text = _("Seen by the Chair's office and the session's co-chairs only.")

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.meeting.sessions.filter(code__iexact=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another session of this meeting already has the code %(code)s."), params={"code": code}
            )
        return code

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if data.get("kind") == Session.Kind.ROUNDTABLE and not data.get("roundtable") and "roundtable" in data:
            self.add_error("roundtable", _("A roundtable session belongs to a roundtable: choose one."))
        if starts_at and not ends_at and "ends_at" not in self.errors:
            self.add_error("ends_at", _("Give the end as well as the start."))
        if ends_at and not starts_at and "starts_at" not in self.errors:
            self.add_error("starts_at", _("Give the start as well as the end."))
        if starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("ends_at", _("The session must end after it starts."))
            else:
                self._check_meeting_dates(starts_at, ends_at)
        if not any(name in self.errors for name in ("room", "starts_at", "ends_at")):
            clashes = session_clash_errors(
                meeting=self.meeting,
                room=data.get("room"),
                starts_at=starts_at,
                ends_at=ends_at,
                session_pk=self.instance.pk,
            )
            for name, messages in clashes.items():
                for message in messages:
                    self.add_error(name, message)
        return data

    def _check_meeting_dates(self, starts_at, ends_at) -> None:
        local = timezone.localtime
        if local(starts_at).date() < self.meeting.start_date or local(ends_at).date() > self.meeting.end_date:
            self.add_error(
                "starts_at",
                _("The meeting runs from %(start)s to %(end)s: the session must fall within those days.")
                % {
                    "start": date_format(self.meeting.start_date, "j F Y"),
                    "end": date_format(self.meeting.end_date, "j F Y"),
                },
            )


class TeamDelegationForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SessionDelegation.Role.choices)
    delegation = forms.ModelChoiceField(
        label=_("Delegation"),
        queryset=Delegation.objects.filter(retired_at__isnull=True),
        required=True,
        error_messages={"required": _("Search for a delegation, then choose it from the results.")},
    )


def _co_chair_field(session: Session | None, *, required: bool) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("For the co-chair government"),
        queryset=co_chair_delegations(session) if session is not None else Delegation.objects.none(),
        required=required,
        empty_label=_("— co-chair's representative only —") if not required else _("Choose the government"),
        help_text=_("A co-chair's representative speaks and signs off for this government only."),
    )


class TeamPersonForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SessionPerson.Role.choices)
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=get_user_model().objects.filter(is_active=True),
        required=True,
        error_messages={"required": _("Search for a person, then choose them from the results.")},
    )

    def __init__(self, *args, session: Session | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"] = _co_chair_field(session, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == SessionPerson.Role.CO_CHAIR_REPRESENTATIVE:
            if not cleaned.get("delegation"):
                self.add_error("delegation", _("Choose the co-chair government this person represents."))
        else:
            cleaned["delegation"] = None  # only a co-chair's representative speaks for a government
        return cleaned


class TeamRepresentativeForm(forms.Form):
    """The Chair's office says which co-chair government a representative speaks for."""

    def __init__(self, *args, session: Session | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"] = _co_chair_field(session, required=True)


class MeetingForm(TranslatedFieldsMixin, forms.ModelForm):
    """A meeting's details: for editing it, and for the new meeting a copy creates."""

    translated_fields = ("title", "theme", "city", "venue")

    class Meta:
        model = Meeting
        fields = [
            "number",
            *languages.field_names("title", "theme", "city", "venue"),
            "host_country",
            "start_date",
            "end_date",
            "time_zone",
            "status",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f"theme_{language}": forms.Textarea(attrs={"rows": 2}) for language in languages.CODES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_translations(
            {"title": _("Title"), "theme": _("Theme"), "city": _("City"), "venue": _("Venue")},
            required=("title", "theme", "city"),
        )
        self.fields["number"].help_text = _("The Forum's meetings are numbered: 4 for Mexico 2010.")

    def clean_time_zone(self):
        zone = self.cleaned_data["time_zone"].strip()
        if zone not in available_timezones():
            raise forms.ValidationError(
                _("“%(zone)s” is not a time zone name. Use one like America/Mexico_City or Europe/Geneva."),
                params={"zone": zone},
            )
        return zone

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The meeting must end on or after the day it starts."))
        return data


class MeetingCopyForm(MeetingForm):
    """Next year's meeting: its details; the structure comes from the meeting copied."""

    class Meta(MeetingForm.Meta):
        fields = [name for name in MeetingForm.Meta.fields if name != "status"]

    def __init__(self, *args, source: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # 52 weeks on: the sessions keep their weekdays.
            start = source.start_date + dt.timedelta(weeks=52)
            self.initial.update(
                {
                    "number": (Meeting.objects.aggregate(top=Max("number"))["top"] or 0) + 1,
                    "start_date": start,
                    "end_date": start + (source.end_date - source.start_date),
                    "time_zone": source.time_zone,
                    "host_country": source.host_country,
                }
            )


class CoChairSessionForm(TranslatedFieldsMixin, forms.ModelForm):
    """What a co-chair may edit: the session's description in each language, and the team's notes."""

    translated_fields = ("description",)

    class Meta:
        model = Session
        fields = [*languages.field_names("description"), "team_notes"]
        widgets = {
            **{f"description_{language}": forms.Textarea(attrs={"rows": 10}) for language in languages.CODES},
            "team_notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_translations({"description": _("Description")})
        self.fields["team_notes"].help_text = _("Seen by the Chair's office and the session's co-chairs only.")


class StaffInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the colleague"))


class CoordinatorNameForm(forms.Form):
    """The person is named directly, so the address must be an existing account's."""

    email = forms.EmailField(
        label=_("E-mail address of the coordinator"),
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


class TranslatorNameForm(CoordinatorNameForm):
    """A translator is named into one working language, by an existing account's address."""

    language = forms.ChoiceField(
        label=_("Translates into"),
        choices=list(languages.NAMES.items()),
        initial=languages.TRANSLATED[0],
        widget=forms.Select(attrs={"class": "form-select w-auto"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address of the translator")


class TranslationForm(forms.Form):
    """A translator's text beside its original: one field per translated text ("title", "description",
    "abstract"), each with the stored text it started from (hidden), so the service can refuse a lost
    update (roundtables.services.translations.translation_conflicts)."""

    LABELS = {"title": _("Title"), "description": _("Description"), "abstract": _("Abstract")}
    MAX_LENGTHS = {"title": 300}

    def __init__(self, *args, texts: tuple[str, ...], language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.texts = texts
        self.language = language
        for base in texts:
            self.fields[base] = forms.CharField(
                label=_("%(text)s in %(language)s")
                % {"text": self.LABELS[base], "language": languages.NAMES[language]},
                required=False,
                max_length=self.MAX_LENGTHS.get(base),
                widget=forms.Textarea(attrs={"rows": 12, "lang": language, "class": "form-control"})
                if base != "title"
                else forms.TextInput(attrs={"lang": language, "class": "form-control"}),
            )
            self.fields[f"{base}_started"] = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    def texts_typed(self) -> dict[str, str]:
        return {base: self.cleaned_data[base] for base in self.texts}

    def started_from(self) -> dict[str, str]:
        return {base: self.cleaned_data[f"{base}_started"] for base in self.texts}

    def restart_from(self, stored: dict[str, str]) -> None:
        """After a refused save: the form now starts from the text saved meanwhile, keeping what was typed,
        so saving again is a deliberate replacement."""
        self.data = self.data.copy()
        for base, text in stored.items():
            self.data[self.add_prefix(f"{base}_started")] = text


class StaffRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the activity log with your name."),
    )


class MeetingPrepareForm(MeetingCopyForm):
    """The next meeting: its details, the next chairing government and its Chair's office's officers."""

    staff_emails = forms.CharField(
        label=_("Officers of the next Chair's office"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Their e-mail addresses, one a line: each receives an invitation to prepare the meeting."),
    )

    class Meta(MeetingCopyForm.Meta):
        fields = [*MeetingCopyForm.Meta.fields, "chair_country"]

    def __init__(self, *args, source: Meeting, **kwargs):
        super().__init__(*args, source=source, **kwargs)
        self.fields["chair_country"].required = True
        self.fields["number"].disabled = True
        self.initial["number"] = source.number + 1
        self.initial.pop("host_country", None)

    def clean_staff_emails(self) -> list[str]:
        validator = forms.EmailField()
        emails = [line.strip() for line in self.cleaned_data["staff_emails"].replace(",", "\n").splitlines()]
        emails = [email for email in emails if email]
        for email in emails:
            validator.clean(email)
        if not emails:
            raise forms.ValidationError(_("Invite at least one officer of the next Chair's office."))
        return emails
