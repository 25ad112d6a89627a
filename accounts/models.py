from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_no_markup
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


class User(AbstractUser):
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

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = " ".join(
            part
            for part in (self.get_honorific_display() if self.honorific else "", self.first_name, self.last_name)
            if part
        )
        # Names stored before the validator refused control characters (or written by an import) still print.
        return printable(name) or self.email
