"""A person's choice of the non-essential notifications, and the programme digests sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OptOut(models.Model):
    """A kind of notification (mailings.notification_kinds) a person turned off; without a row, it is on."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_opt_outs")
    kind = models.CharField(_("kind of notification"), max_length=50)
    created_at = models.DateTimeField(_("turned off at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification turned off")
        verbose_name_plural = _("notifications turned off")
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="one_opt_out_per_kind")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.kind}"


class ProgrammeDigest(models.Model):
    """The digest of what changed in one programme version, confirmed by the Chair's office: one per release,
    so a second confirmation (a double click, a colleague at the same moment) sends nothing more."""

    release = models.OneToOneField(
        "roundtables.ProgrammeRelease", on_delete=models.CASCADE, related_name="notification_digest"
    )
    mailing = models.ForeignKey("mailings.Mailing", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("programme change digest")
        verbose_name_plural = _("programme change digests")

    def __str__(self) -> str:
        return f"digest of release {self.release_id}"


class PapersDigest(models.Model):
    """A person's daily digest of the papers published for their sessions: one row per person and day, written
    before the mail is queued, so a second run of the task that day (beat twice, a retried task) sends nothing."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"))
    papers = models.PositiveIntegerField(_("papers"), default=0)

    class Meta:
        verbose_name = _("papers digest")
        verbose_name_plural = _("papers digests")
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="one_papers_digest_a_day")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.day}"


class CommentDigest(models.Model):
    """A person's daily digest of the comments written on the papers they work on: one row per person and
    day, written with the mail in one transaction, so a second run of the task that day sends nothing more."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"))
    comments = models.PositiveIntegerField(_("comments"), default=0)

    class Meta:
        verbose_name = _("comments digest")
        verbose_name_plural = _("comments digests")
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="one_comment_digest_a_day")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.day}"
