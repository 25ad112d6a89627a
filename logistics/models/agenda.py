"""agenda: the secret address of a participant's personal agenda feed (iCalendar) for a meeting.

The address's token is an HMAC of a random salt with the site's secret; the table keeps the salt and the
token's SHA-256 (looked up by the feed), so the database alone never gives the address away. A new salt
("Make a new address") makes the old address answer 404."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["AgendaFeed"]


class AgendaFeed(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feeds")
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="agenda_feeds")
    salt = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("made at"), auto_now=True)

    class Meta:
        verbose_name = _("agenda feed")
        verbose_name_plural = _("agenda feeds")
        constraints = [models.UniqueConstraint(fields=["person", "meeting"], name="one_agenda_feed_per_meeting")]

    def __str__(self) -> str:
        return f"{self.person} ({self.meeting.number})"
