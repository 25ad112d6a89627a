from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_no_markup
from gfmd.choices import ChoiceLabels
from gfmd.text import printable


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(ChoiceLabels, AbstractUser):
    """A person using the portal. The e-mail address is the login; the profile lives here too."""

    class Honorific(models.TextChoices):
        NONE = "", _("(none)")
        MR = "mr", _("Mr")
        MS = "ms", _("Ms")
        MX = "mx", _("Mx")
        DR = "dr", _("Dr")
        PROF = "prof", _("Prof.")
        HE = "he", _("H.E.")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True, validators=[validate_no_markup])
    last_name = models.CharField(_("last name"), max_length=150, blank=True, validators=[validate_no_markup])
    honorific = models.CharField(_("honorific"), max_length=8, choices=Honorific.choices, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )

    class DecisionMail(models.TextChoices):
        DAILY = "daily", _("Once a day, a list of the new registrations")
        IMMEDIATE = "immediate", _("At once, one mail per registration")

    # For a focal point or the civil-society coordinator: how they hear of registrations awaiting
    # their decision (delegations.services.notifications). The last daily digest's time keeps a
    # rerun of the beat task from listing a registration twice.
    decision_mail = models.CharField(
        _("registrations awaiting my decision"),
        max_length=16,
        choices=DecisionMail.choices,
        default=DecisionMail.DAILY,
    )
    last_digest_at = models.DateTimeField(_("last digest of registrations"), null=True, blank=True, editable=False)
    # Mixed into the session hash: a new value signs the person out of every session they hold, whatever
    # the session engine (portal.people.services, when an account is deactivated or a Chair's office
    # member revoked). Empty, the hash is Django's own, so sessions opened before this field stay valid.
    session_salt = models.CharField(max_length=32, blank=True, default="", editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.display_name

    def get_session_auth_hash(self) -> str:
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback_secret)

    def _session_hash(self, secret=None) -> str:
        # The same salt and algorithm as AbstractBaseUser's, so an empty session_salt gives its hash.
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, self.password + self.session_salt, secret=secret, algorithm="sha256").hexdigest()

    @property
    def display_name(self) -> str:
        name = " ".join(
            part
            for part in (self.get_honorific_display() if self.honorific else "", self.first_name, self.last_name)
            if part
        )
        # Names stored before the validator refused control characters (or written by an import) still print.
        return printable(name) or self.email


class InvitationQuerySet(models.QuerySet):
    def usable(self) -> "InvitationQuerySet":
        return self.filter(used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class EmailInvitation(models.Model):
    """An invitation sent to one e-mail address (a delegation's, the Chair's office's). The link carries a
    random token made when the mail is sent (`accounts.invitations`); only its SHA-256 digest is stored, so
    the table alone opens nothing. The link works once, for the person signed in with that address, until
    it expires."""

    email = models.EmailField(_("e-mail address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class StaffInvitation(EmailInvitation):
    """The Chair's office invites a colleague to join it."""

    class Meta(EmailInvitation.Meta):
        verbose_name = _("Chair's office invitation")
        verbose_name_plural = _("Chair's office invitations")

    def __str__(self) -> str:
        return self.email
