"""The outbox: one row per mail, sent by an idempotent Celery task.

A Mailing is a batch written by a person (a survey invitation, a reminder): its mails wait in the
outbox ("held") until the Chair's office sends them. Notifications queued by other apps through
queue_mail() have no mailing and go out at once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gfmd.choices import ChoiceLabels


class Mailing(ChoiceLabels, models.Model):
    class State(models.TextChoices):
        OUTBOX = "outbox", _("In the outbox")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")
        DISCARDED = "discarded", _("Discarded")

    title = models.CharField(_("title"), max_length=300, help_text=_("What the mailing is, for the outbox list."))
    # Templates with the placeholders {name} {delegation} {survey} {closing_date} {link}; kept in
    # English, French and Spanish (modeltranslation), each recipient gets their preferred language.
    subject_template = models.CharField(_("subject"), max_length=300)
    body_template = models.TextField(_("message"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OUTBOX, db_index=True)
    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="mailings"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    released_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    # Touched by the sending task after every mail: the sweep restarts a mailing whose task died.
    last_progress_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["outbox", "discarded"]) | Q(released_at__isnull=False),
                name="released_mailing_has_release_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None) -> "OutgoingMailQuerySet":
        """Mails a sending task may take now: queued ones, and retries whose time has come."""
        now = now or timezone.now()
        # The first filter is implied by the second; it lets the database use the partial index of
        # waiting mails (mail_waiting), so a claim never scans the mails already sent.
        return self.filter(state__in=[OutgoingMail.State.QUEUED, OutgoingMail.State.RETRY]).filter(
            Q(state=OutgoingMail.State.QUEUED) | Q(state=OutgoingMail.State.RETRY, retry_at__lte=now)
        )

    def pending(self) -> "OutgoingMailQuerySet":
        """Mails not yet finished one way or the other (sent, failed, cancelled)."""
        return self.filter(state__in=OutgoingMail.PENDING_STATES)


class OutgoingMail(ChoiceLabels, models.Model):
    class State(models.TextChoices):
        HELD = "held", _("In the outbox")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRY = "retry", _("Retry later")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent")

    PENDING_STATES = (State.HELD, State.QUEUED, State.SENDING, State.RETRY)
    FINISHED_STATES = (State.SENT, State.FAILED, State.CANCELLED)
    # The body keeps this placeholder; the personal link is created when the mail is sent and
    # is never stored in the outbox.
    LINK_PLACEHOLDER = "{link}"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, null=True, blank=True, related_name="mails")
    to = models.EmailField(_("to"))
    to_name = models.CharField(_("recipient"), max_length=300, blank=True)
    # Who the recipient is for the outbox list (their delegation); never in the mail's headers.
    to_description = models.CharField(_("recipient's delegation"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    reply_to = models.EmailField(_("reply to"), blank=True)
    # Who creates the personal link at sending time (mailings.links), and for which object.
    link_kind = models.CharField(max_length=50, blank=True)
    link_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The kind of a non-essential notification (mailings.notification_kinds), which the recipient may turn
    # off: the mail then carries List-Unsubscribe headers. Blank for essential mail.
    notification_kind = models.CharField(_("kind of notification"), max_length=50, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retry_at = models.DateTimeField(_("retry at"), null=True, blank=True)
    smtp_code = models.PositiveSmallIntegerField(_("SMTP code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Set when the body was blanked after MAILINGS_BODY_RETENTION_DAYS (sending.mail_bodies_purge).
    body_purged_at = models.DateTimeField(_("text removed at"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["mailing", "state"], name="mail_mailing_state"),
            models.Index(fields=["state", "retry_at"], name="mail_state_retry_at"),
            # The mails still to send, per mailing, in the order the pump takes them.
            models.Index(fields=["mailing", "id"], condition=Q(state__in=["queued", "retry"]), name="mail_waiting"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(state="retry") | Q(retry_at__isnull=False), name="retry_has_time"),
            models.CheckConstraint(condition=~Q(state="sent") | Q(sent_at__isnull=False), name="sent_has_time"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class MailText(models.Model):
    """A registered mail's text (mailings.templates) as the Chair's office rewrote it for one language.

    Read by render_mail() before the default template; without a row the default is sent. The
    text uses {placeholder} names only (mailings.texts), never the template language: a person who
    edits a mail cannot run template tags or reach other attributes of the objects behind it."""

    key = models.CharField(_("mail"), max_length=100)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("edited by"),
    )
    updated_at = models.DateTimeField(_("edited at"), auto_now=True)

    class Meta:
        verbose_name = _("mail text")
        verbose_name_plural = _("mail texts")
        ordering = ["key", "language"]
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="mail_text_key_language")]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"
