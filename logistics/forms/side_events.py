"""side_events: the proposal form (texts in the working languages), the Chair's office's decision forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput, TranslatedFieldsMixin
from logistics.services.side_events import MAX_ATTENDANCE, MAX_REASON, SideEventInput

INPUT_FORMATS = [DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def _time_help(meeting) -> str:
    return _("Local time in %(city)s (%(zone)s), between %(start)s and %(end)s.") % {
        "city": meeting.city,
        "zone": meeting.time_zone,
        "start": meeting.start_date.isoformat(),
        "end": meeting.end_date.isoformat(),
    }


def _time_fields(form, meeting) -> None:
    for name, label in (("starts_at", _("Starts at")), ("ends_at", _("Ends at"))):
        form.fields[name] = forms.DateTimeField(
            label=label, widget=DateTimeLocalInput(), input_formats=INPUT_FORMATS, help_text=_time_help(meeting)
        )


class SideEventForm(TranslatedFieldsMixin, forms.Form):
    """Read in the meeting's time zone (the view activates it)."""

    translated_fields = ("title", "description")
    optional_help_text = _("Optional. Readers who chose this language see it; the others see the original.")

    language = forms.ChoiceField(
        label=_("Original language"),
        choices=list(languages.NAMES.items()),
        help_text=_("The language you write in: its title and description are required."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.add_translated("title", _("Title"), required=False, max_length=200)
        self.add_translated(
            "description", _("Description"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 5})
        )
        for code in languages.CODES:
            self.fields[f"title_{code}"].help_text = ""
            self.fields[f"description_{code}"].help_text = ""
            self.fields[f"description_{code}"].max_length = 5000
        self.fields["organisers"] = forms.CharField(
            label=_("Organisers"), max_length=300, help_text=_("The organisations that hold the side event.")
        )
        _time_fields(self, meeting)
        self.fields["expected_attendance"] = forms.IntegerField(
            label=_("Expected attendance"), min_value=1, max_value=MAX_ATTENDANCE
        )
        self.fields["needs_interpretation"] = forms.BooleanField(label=_("Interpretation needed"), required=False)
        self.fields["needs_av"] = forms.BooleanField(
            label=_("Audio-visual equipment needed (projector, microphones)"), required=False
        )
        self.fields["room_capacity"] = forms.IntegerField(
            label=_("Seats needed in the room"), min_value=1, max_value=MAX_ATTENDANCE, required=False
        )
        self.fields["registration_capacity"] = forms.IntegerField(
            label=_("Places for registration"),
            min_value=1,
            max_value=MAX_ATTENDANCE,
            required=False,
            help_text=_("Leave empty for a side event open to all; with a number, participants take a place."),
        )

    def to_input(self) -> SideEventInput:
        data = self.cleaned_data
        return SideEventInput(
            texts={"title": self.translated("title"), "description": self.translated("description")},
            language=data["language"],
            organisers=data["organisers"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            expected_attendance=data["expected_attendance"],
            needs_interpretation=data["needs_interpretation"],
            needs_av=data["needs_av"],
            room_capacity=data.get("room_capacity"),
            registration_capacity=data.get("registration_capacity"),
        )


class AcceptForm(forms.Form):
    room = forms.ModelChoiceField(label=_("Room"), queryset=None, empty_label=_("(choose a room)"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, prefix="accept", **kwargs)
        self.fields["room"].queryset = meeting.rooms.order_by("name")
        _time_fields(self, meeting)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The proposer reads it in the mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="decline", **kwargs)
