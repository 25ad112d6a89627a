"""checkin: who came in at the door, one row per person and meeting day, and per session when a session's
door is scanned. A badge scanned twice the same day (at two doors at once, or a scan queued offline and
sent again) is one row: the database's unique constraints decide, and the second scan reads "already in"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["CheckIn", "SessionCheckIn"]


class Method(models.TextChoices):
    BADGE = "badge", _("Badge scanned")
    NAME = "name", _("Name typed")


class CheckIn(models.Model):
    """A person's arrival at the meeting on one of its days (the day in the meeting's time zone)."""

    Method = Method

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="checkins")
    registration = models.ForeignKey("delegations.Registration", on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField(_("day"))
    # When the badge was scanned (the door's clock, bounded by the service), and when the server heard of it.
    scanned_at = models.DateTimeField(_("scanned at"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    method = models.CharField(_("method"), max_length=8, choices=Method.choices, default=Method.BADGE)
    # The door page's own id for the scan: a scan queued offline and sent twice is recorded once.
    scan_id = models.UUIDField(_("scan id"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["day", "scanned_at"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="one_checkin_per_registration_and_day"),
        ]
        indexes = [models.Index(fields=["meeting", "day"], name="checkin_meeting_day")]

    def __str__(self) -> str:
        return f"{self.registration_id} · {self.day}"


class SessionCheckIn(models.Model):
    """A person's arrival at a session (its door scanned)."""

    Method = Method

    session = models.ForeignKey("roundtables.Session", on_delete=models.CASCADE, related_name="checkins")
    registration = models.ForeignKey(
        "delegations.Registration", on_delete=models.CASCADE, related_name="session_checkins"
    )
    scanned_at = models.DateTimeField(_("scanned at"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    method = models.CharField(_("method"), max_length=8, choices=Method.choices, default=Method.BADGE)
    scan_id = models.UUIDField(_("scan id"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("session check-in")
        verbose_name_plural = _("session check-ins")
        ordering = ["session", "scanned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_checkin_per_registration_and_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} · {self.session_id}"
