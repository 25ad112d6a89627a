"""side_events: a side event a delegation or an organisation proposes around a meeting's sessions, the
Chair's office's decision (a room and a time, or a reason), and its own registration when it has a
capacity."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.choices import ChoiceLabels

__all__ = ["SideEvent", "SideEventRegistration"]

LANGUAGE_CHOICES = list(languages.NAMES.items())


class SideEventQuerySet(models.QuerySet):
    def accepted(self) -> "SideEventQuerySet":
        return self.filter(status=SideEvent.Status.ACCEPTED)


class SideEvent(ChoiceLabels, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="side_events")
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        related_name="side_events",
        verbose_name=_("proposed for"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="side_events_proposed"
    )
    language = models.CharField(
        _("original language"), max_length=8, choices=LANGUAGE_CHOICES, default=languages.DEFAULT
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    organisers = models.CharField(_("organisers"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    expected_attendance = models.PositiveIntegerField(_("expected attendance"))
    needs_interpretation = models.BooleanField(_("interpretation needed"), default=False)
    needs_av = models.BooleanField(_("audio-visual equipment needed"), default=False)
    room_capacity = models.PositiveIntegerField(_("room capacity needed"), null=True, blank=True)
    registration_capacity = models.PositiveIntegerField(_("places for registration"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    room = models.ForeignKey(
        "roundtables.Room", on_delete=models.PROTECT, null=True, blank=True, related_name="side_events"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    # Set at the first acceptance and kept: the programme's stamp reads the side events ever accepted.
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SideEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("side event")
        verbose_name_plural = _("side events")
        ordering = ["meeting", "starts_at", "pk"]
        indexes = [models.Index(fields=["meeting", "status", "starts_at"], name="side_event_meeting_status")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="side_event_ends_after_start"),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(room__isnull=False), name="accepted_side_event_has_room"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def _text(self, base: str) -> str:
        language = translation.get_language() or languages.DEFAULT
        code = language.split("-")[0]
        own = getattr(self, f"{base}_{code}", "") if code in languages.CODES else ""
        return own or getattr(self, f"{base}_{self.language}", "") or getattr(self, f"{base}_{languages.DEFAULT}", "")

    @property
    def title(self) -> str:
        """In the reader's language, else the original."""
        return self._text("title")

    @property
    def description(self) -> str:
        return self._text("description")


class SideEventRegistration(models.Model):
    """An approved participant's place at a side event with a capacity; cancelling deletes the row."""

    side_event = models.ForeignKey(SideEvent, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="side_event_places")
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("side event registration")
        verbose_name_plural = _("side event registrations")
        constraints = [models.UniqueConstraint(fields=["side_event", "person"], name="one_place_per_side_event")]

    def __str__(self) -> str:
        return f"{self.person} → {self.side_event}"
