"""The Chair's office's API tokens: a meeting's read-only exports for its own integrations.

Only a SHA-256 hash of the secret is stored, with a short visible prefix to tell tokens apart; the whole
token is shown once, when it is created (api.services.token_create)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the website's import."))
    # The token's beginning, shown in lists ("gfmd_Ab3dE9"): enough to recognise it, never enough to use it.
    prefix = models.CharField(_("beginning of the token"), max_length=16)
    secret_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="api_token_has_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
