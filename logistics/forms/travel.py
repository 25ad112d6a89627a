"""travel: the participant's arrival and departure, a room booking, and the Chair's office's hotel and
room block forms. The window rules are the services'; the forms read the input and keep what was typed."""

import datetime as dt

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput, TranslatedFieldsMixin
from logistics.services.travel import BlockInput, HotelInput, TravelInput, window

DATETIME_FORMATS = [DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _local_help(meeting) -> str:
    return _("Local time in %(city)s (%(zone)s).") % {"city": meeting.city, "zone": meeting.time_zone}


class TravelPlanForm(forms.Form):
    """Arrival and departure. Read it inside timezone.override(the meeting's zone): the times typed are
    the host city's clock."""

    arrival_at = forms.DateTimeField(label=_("Arrival date and time"), input_formats=DATETIME_FORMATS)
    arrival_flight = forms.CharField(label=_("Flight number"), max_length=20, required=False)
    arrival_airline = forms.CharField(label=_("Airline"), max_length=100, required=False)
    arrival_airport = forms.CharField(label=_("Arriving at (airport)"), max_length=150, required=False)
    departure_at = forms.DateTimeField(label=_("Departure date and time"), input_formats=DATETIME_FORMATS)
    departure_flight = forms.CharField(label=_("Flight number"), max_length=20, required=False)
    departure_airline = forms.CharField(label=_("Airline"), max_length=100, required=False)
    departure_airport = forms.CharField(label=_("Leaving from (airport)"), max_length=150, required=False)
    needs_transfer = forms.BooleanField(label=_("I need an airport transfer on arrival and departure"), required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = window(meeting)
        for name in ("arrival_at", "departure_at"):
            field = self.fields[name]
            field.widget = DateTimeLocalInput(
                attrs={"min": f"{first.isoformat()}T00:00", "max": f"{last.isoformat()}T23:59"}
            )
            field.help_text = _local_help(meeting)
        self.fields["arrival_flight"].widget.attrs["placeholder"] = "AM 1234"
        self.fields["arrival_airport"].widget.attrs["placeholder"] = _("e.g. Puerto Vallarta (PVR)")
        for name in ("arrival_flight", "departure_flight"):
            self.fields[name].widget.attrs["autocomplete"] = "off"

    def travel_input(self) -> TravelInput:
        return TravelInput(**self.cleaned_data)


class BookingForm(forms.Form):
    """Nights in a block: prefixed with the block's id, so that each block on the page keeps its own input."""

    check_in = forms.DateField(label=_("Check-in"), widget=DateInput())
    check_out = forms.DateField(label=_("Check-out"), widget=DateInput())

    def __init__(self, *args, block, meeting, **kwargs):
        kwargs.setdefault("prefix", f"block-{block.pk}")
        # The nights of the meeting (arriving the day before), within the block's.
        check_in = min(max(block.check_in, meeting.start_date - dt.timedelta(days=1)), block.check_out)
        check_out = max(min(block.check_out, meeting.end_date + dt.timedelta(days=1)), block.check_in)
        if check_out <= check_in:
            check_in, check_out = block.check_in, block.check_out
        kwargs.setdefault("initial", {"check_in": check_in, "check_out": check_out})
        super().__init__(*args, **kwargs)
        self.block = block
        for name in ("check_in", "check_out"):
            self.fields[name].widget.attrs.update(
                {"min": block.check_in.isoformat(), "max": block.check_out.isoformat()}
            )


class HotelForm(TranslatedFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    address = forms.CharField(label=_("Address"), max_length=300)
    website = forms.CharField(
        label=_("Website"),
        max_length=200,
        required=False,
        help_text=_("Optional. An address starting with http:// or https://."),
        widget=forms.URLInput(),
    )
    translated_fields = ("notes",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated(
            "notes",
            _("Distance and notes"),
            widget=lambda: forms.Textarea(attrs={"rows": 3}),
            required=False,
            max_length=2000,
        )
        self.fields["notes_en"].help_text = _(
            "Optional. For example: 10 minutes' walk to the Convention Center; breakfast included."
        )

    @classmethod
    def initial_of(cls, hotel) -> dict:
        return {
            "name": hotel.name,
            "address": hotel.address,
            "website": hotel.website,
            **{f"notes_{code}": getattr(hotel, f"notes_{code}") for code in languages.CODES},
        }

    def hotel_input(self) -> HotelInput:
        data = self.cleaned_data
        return HotelInput(
            name=data["name"], address=data["address"], website=data["website"], notes=self.translated("notes")
        )


class BlockForm(forms.Form):
    room_type = forms.CharField(label=_("Room type"), max_length=120)
    nightly_rate = forms.DecimalField(label=_("Nightly rate"), max_digits=9, decimal_places=2, min_value=0)
    currency = forms.CharField(
        label=_("Currency"), max_length=3, min_length=3, help_text=_("Its three-letter code, for example MXN or USD.")
    )
    rooms = forms.IntegerField(label=_("Number of rooms"), min_value=1, max_value=10000)
    check_in = forms.DateField(label=_("First check-in"), widget=DateInput())
    check_out = forms.DateField(label=_("Last check-out"), widget=DateInput())
    booking_deadline = forms.DateField(
        label=_("Booking deadline"),
        widget=DateInput(),
        help_text=_("The date after which the hotel releases the rooms nobody booked; shown to the participants."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = window(meeting)
        for name in ("check_in", "check_out"):
            self.fields[name].widget.attrs.update({"min": first.isoformat(), "max": last.isoformat()})
            self.fields[name].help_text = _("From %(first)s to %(last)s.") % {
                "first": date_format(first, "j F Y"),
                "last": date_format(last, "j F Y"),
            }
        self.fields["currency"].widget.attrs.update({"autocapitalize": "characters", "class": "text-uppercase"})

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].strip().upper()

    @classmethod
    def initial_of(cls, block) -> dict:
        return {
            name: getattr(block, name)
            for name in ("room_type", "nightly_rate", "currency", "rooms", "check_in", "check_out", "booking_deadline")
        }

    @classmethod
    def initial_for(cls, meeting) -> dict:
        return {
            "check_in": meeting.start_date - dt.timedelta(days=1),
            "check_out": meeting.end_date + dt.timedelta(days=1),
            "booking_deadline": meeting.start_date - dt.timedelta(days=21),
            "currency": "USD",
        }

    def block_input(self) -> BlockInput:
        return BlockInput(**self.cleaned_data)
