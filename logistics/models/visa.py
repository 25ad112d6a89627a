"""visa: tables. Visa support letters: the per-meeting letter template, each person's request and letter,
and the Chair's office's runs that issue the requested letters in the background.

The passport number and the date of birth are encrypted at rest (Fernet, with a key derived from
LOGISTICS_FIELD_KEY or SECRET_KEY by HKDF): the database, a dump or a backup holds only ciphertext. The
passport number's last digits sit in their own plain column for the public verification page. Neither
value appears in a row's repr or str (the activity log stores str(obj)), in logs, mails or exports."""

import base64
import datetime as dt
from functools import lru_cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from gfmd.choices import ChoiceLabels

__all__ = ["VisaIssueRun", "VisaLetter", "VisaLetterTemplate"]


@lru_cache(maxsize=4)
def _fernet(secret: str):
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"gfmd.logistics.fields", info=b"visa letters").derive(
        secret.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def field_cipher():
    """The Fernet of the encrypted fields: LOGISTICS_FIELD_KEY when set, else derived from SECRET_KEY."""
    return _fernet(getattr(settings, "LOGISTICS_FIELD_KEY", None) or settings.SECRET_KEY)


class EncryptedTextField(models.TextField):
    """Text encrypted at rest: Python sees the plain text, the database only a Fernet token. It cannot be
    searched or filtered on (every encryption differs), which is the point."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        from cryptography.fernet import InvalidToken

        try:
            return field_cipher().decrypt(value.encode()).decode()
        except InvalidToken:
            return ""  # encrypted under another key: unreadable, never shown as ciphertext

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return field_cipher().encrypt(str(value).encode()).decode()


class VisaLetterTemplate(models.Model):
    """The Chair's office's letter of one meeting: the host government's letterhead, the body in each
    working language with {placeholders}, and the officer who signs."""

    meeting = models.OneToOneField(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="visa_letter_template", verbose_name=_("meeting")
    )
    letterhead_en = models.TextField(_("letterhead (English)"))
    letterhead_fr = models.TextField(_("letterhead (French)"), blank=True)
    letterhead_es = models.TextField(_("letterhead (Spanish)"), blank=True)
    body_en = models.TextField(_("body (English)"))
    body_fr = models.TextField(_("body (French)"), blank=True)
    body_es = models.TextField(_("body (Spanish)"), blank=True)
    signatory_name = models.CharField(_("signing officer"), max_length=200)
    signatory_title_en = models.CharField(_("officer's title (English)"), max_length=200)
    signatory_title_fr = models.CharField(_("officer's title (French)"), max_length=200, blank=True)
    signatory_title_es = models.CharField(_("officer's title (Spanish)"), max_length=200, blank=True)
    # The last reference number given (GFMD2010-VL-0001...): raised under this row's lock.
    last_sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("visa letter template")
        verbose_name_plural = _("visa letter templates")

    def __str__(self) -> str:
        return f"Visa letter template · meeting {self.meeting_id}"

    def text(self, base: str, language: str) -> str:
        """A translated field in `language`, English where that one is empty."""
        return getattr(self, f"{base}_{language}", "") or getattr(self, f"{base}_en")


class VisaLetterQuerySet(models.QuerySet):
    def live(self):
        return self.filter(state__in=VisaLetter.LIVE_STATES)


class VisaLetter(ChoiceLabels, models.Model):
    """A person's request for a visa support letter for a meeting, and the letter once issued."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        CANCELLED = "cancelled", _("Cancelled")

    LIVE_STATES = (State.REQUESTED, State.ISSUED)

    registration = models.ForeignKey(
        "delegations.Registration",
        on_delete=models.CASCADE,
        related_name="visa_letters",
        verbose_name=_("registration"),
    )
    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="visa_letters", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visa_letters", verbose_name=_("person")
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.REQUESTED)
    nationality = CountryField(_("nationality"))
    passport_number = EncryptedTextField(_("passport number"))
    passport_last_digits = models.CharField(_("passport number's last digits"), max_length=4)
    birth_date_encrypted = EncryptedTextField(_("date of birth"))
    passport_expiry = models.DateField(_("passport expiry"), null=True, blank=True)
    consulate_city = models.CharField(_("consulate city"), max_length=100)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Issued:
    sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    # The random half of the verification token (the other half is its keyed signature): see
    # logistics.services.visa.verification_token.
    token_nonce = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issue_run = models.ForeignKey(
        "logistics.VisaIssueRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    signatory_name = models.CharField(_("signing officer"), max_length=200, blank=True)
    signatory_title = models.CharField(_("officer's title"), max_length=200, blank=True)
    # Revoked or cancelled:
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.TextField(_("reason"), blank=True)

    objects = VisaLetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("visa letter")
        verbose_name_plural = _("visa letters")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(state__in=["requested", "issued"]),
                name="one_live_visa_letter_per_registration",
            ),
            models.UniqueConstraint(
                fields=["meeting", "sequence"], condition=Q(sequence__isnull=False), name="visa_letter_sequence_unique"
            ),
        ]
        indexes = [models.Index(fields=["meeting", "state"], name="visa_letter_meeting_state")]

    def __str__(self) -> str:
        return self.reference or f"Visa letter request {self.pk}"

    def __repr__(self) -> str:
        return f"<VisaLetter {self.pk} {self.state} {self.reference}>"

    @property
    def date_of_birth(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.birth_date_encrypted) if self.birth_date_encrypted else None
        except ValueError:
            return None

    @date_of_birth.setter
    def date_of_birth(self, value: dt.date | None) -> None:
        self.birth_date_encrypted = value.isoformat() if value else ""

    @property
    def masked_passport(self) -> str:
        return "•••• " + self.passport_last_digits


class VisaIssueRun(models.Model):
    """ "Issue all N requested letters": the letters requested when it started, issued one by one by a
    background task that counts them. Restarted (a lost worker), it issues only what is still requested."""

    class State(models.TextChoices):
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="visa_issue_runs")
    state = models.CharField(max_length=16, choices=State.choices, default=State.RUNNING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # The last letter (by id) the run has dealt with: a restarted run goes on after it.
    cursor = models.PositiveBigIntegerField(default=0)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(state="running"), name="one_running_visa_issue_run_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"Visa letters issue run {self.pk}"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100
        return min(100, round(100 * (self.done + self.skipped) / self.total))
