"""travel: each participant's arrival and departure, the partner hotels of a meeting, their room blocks
and the rooms booked from them.

A booking holds a room only while its registration is approved: the counts that decide whether a block is
full read the registration's status (logistics.selectors.travel.booked_rooms), so a withdrawn or rejected
registration frees its room without delegations knowing of hotels."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Hotel", "HotelBooking", "RoomBlock", "TravelPlan"]

CURRENCY = RegexValidator(r"^[A-Z]{3}$", _("Give the currency as its three-letter code, for example MXN or USD."))


class TravelPlan(models.Model):
    """How a participant with an approved registration reaches the meeting and leaves it (times are stored
    in UTC and shown in the meeting's zone)."""

    registration = models.OneToOneField(
        "delegations.Registration", on_delete=models.CASCADE, related_name="travel_plan", verbose_name=_("registration")
    )
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="travel_plans")
    arrival_at = models.DateTimeField(_("arrival"))
    arrival_flight = models.CharField(_("arrival flight number"), max_length=20, blank=True)
    arrival_airline = models.CharField(_("arrival airline"), max_length=100, blank=True)
    arrival_airport = models.CharField(_("arriving at (airport)"), max_length=150, blank=True)
    departure_at = models.DateTimeField(_("departure"))
    departure_flight = models.CharField(_("departure flight number"), max_length=20, blank=True)
    departure_airline = models.CharField(_("departure airline"), max_length=100, blank=True)
    departure_airport = models.CharField(_("leaving from (airport)"), max_length=150, blank=True)
    needs_transfer = models.BooleanField(_("airport transfer needed"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("travel plan")
        verbose_name_plural = _("travel plans")
        ordering = ["arrival_at", "pk"]
        indexes = [models.Index(fields=["meeting", "arrival_at"], name="travel_plan_arrivals")]
        constraints = [
            models.CheckConstraint(condition=Q(departure_at__gt=F("arrival_at")), name="travel_departs_after_arrival"),
        ]

    def __str__(self) -> str:
        return str(_("Travel plan of %(person)s") % {"person": self.registration.person})


class Hotel(models.Model):
    """A partner hotel of a meeting, as the Chair's office describes it to the participants."""

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="hotels")
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    website = models.URLField(_("website"), blank=True, validators=[URLValidator(schemes=["http", "https"])])
    notes_en = models.TextField(_("distance and notes (English)"), blank=True)
    notes_fr = models.TextField(_("distance and notes (French)"), blank=True)
    notes_es = models.TextField(_("distance and notes (Spanish)"), blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner hotel")
        verbose_name_plural = _("partner hotels")
        ordering = ["meeting", "name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "name"], name="unique_hotel_name_per_meeting")]

    def __str__(self) -> str:
        return self.name

    def notes_in(self, language: str) -> str:
        """The notes in `language`, else in English."""
        return getattr(self, f"notes_{language}", "") or self.notes_en


class RoomBlock(models.Model):
    """Rooms a partner hotel holds for the meeting's participants at a negotiated rate: `rooms` is the
    block's capacity, bookable for nights between check-in and check-out until the booking deadline."""

    hotel = models.ForeignKey(Hotel, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("hotel"))
    # The hotel's meeting, kept on the block so that rules and queries reach it without a join.
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="room_blocks")
    room_type = models.CharField(_("room type"), max_length=120)
    nightly_rate = models.DecimalField(
        _("nightly rate"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, validators=[CURRENCY])
    rooms = models.PositiveIntegerField(_("number of rooms"), validators=[MinValueValidator(1)])
    check_in = models.DateField(_("first check-in"))
    check_out = models.DateField(_("last check-out"))
    booking_deadline = models.DateField(_("booking deadline"))

    class Meta:
        verbose_name = _("room block")
        verbose_name_plural = _("room blocks")
        ordering = ["hotel__name", "room_type", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(check_out__gt=F("check_in")), name="block_checks_out_after_in"),
            models.CheckConstraint(condition=Q(rooms__gte=1), name="block_has_rooms"),
        ]

    def __str__(self) -> str:
        return f"{self.hotel.name} · {self.room_type}"


class HotelBooking(models.Model):
    """One room of a block booked for a registration (one booking per registration, hence per meeting).
    Cancelling deletes it, which frees the room."""

    block = models.ForeignKey(RoomBlock, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("room"))
    registration = models.OneToOneField(
        "delegations.Registration", on_delete=models.CASCADE, related_name="hotel_booking"
    )
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="hotel_bookings")
    check_in = models.DateField(_("check-in"))
    check_out = models.DateField(_("check-out"))
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    booked_at = models.DateTimeField(_("booked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hotel booking")
        verbose_name_plural = _("hotel bookings")
        ordering = ["block", "registration__person__last_name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(check_out__gt=F("check_in")), name="booking_checks_out_after_in"),
        ]

    def __str__(self) -> str:
        return f"{self.block} · {self.registration.person}"

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days
