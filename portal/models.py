"""The portal's own records: what gathers every app, such as a meeting's anonymisation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingAnonymisation(models.Model):
    """The record that a closed meeting's participants' personal data was anonymised
    (portal.retention.services.meeting_anonymise): once per meeting (the one-to-one), never undone."""

    meeting = models.OneToOneField(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="anonymisation", verbose_name=_("meeting")
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("anonymised by"),
    )
    done_at = models.DateTimeField(_("anonymised at"))
    # What was erased, as counts by kind (the same as the activity log entry's).
    counts = models.JSONField(_("what was erased"), default=dict, blank=True)

    class Meta:
        verbose_name = _("meeting anonymisation")
        verbose_name_plural = _("meeting anonymisations")
        ordering = ["-done_at"]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.done_at:%Y-%m-%d})"
