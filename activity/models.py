"""Who did what, when: one row per change that matters, written by the service that made it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from activity.registry import action_label


class ActivityLog(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="activity"
    )
    # A dotted name such as "roundtables.session.created" or "papers.paper.submitted".
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    # What the object was called at the time, so the log still reads well once it is deleted.
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor}: {self.action} {self.object_repr}"

    @property
    def label(self) -> str:
        """What happened, in words of the active language (activity.registry)."""
        return action_label(self.action)

    @property
    def label_on_object(self) -> str:
        """The same on the object's own history, where the object goes without saying."""
        return action_label(self.action, on_object=True)
