"""Delegations (states, observer organisations, civil society) and registrations for a meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Delegation(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("State")
        OBSERVER = "observer", _("Observer organisation")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")

    class Region(models.TextChoices):
        AFRICA = "africa", _("Africa")
        AMERICAS = "americas", _("Americas")
        ASIA = "asia", _("Asia")
        EUROPE = "europe", _("Europe")
        OCEANIA = "oceania", _("Oceania")
        GLOBAL = "global", _("Global")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = CountryField(_("country"), blank=True, help_text=_("For states: the ISO 3166 country."))
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    steering_group = models.BooleanField(_("Steering Group member"), default=False)
    friends_of_the_forum = models.BooleanField(_("Friends of the Forum member"), default=False)
    focal_points = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="focal_point_of", verbose_name=_("focal points")
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["country"], condition=Q(kind="state"), name="one_delegation_per_state"),
            models.CheckConstraint(condition=~Q(kind="state") | ~Q(country=""), name="state_has_country"),
        ]

    def __str__(self) -> str:
        return self.name


class Registration(models.Model):
    """A person's registration for a meeting with a delegation."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        ADVISER = "adviser", _("Adviser")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="registrations")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "delegation__name", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_registration_per_person_and_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.delegation} ({self.meeting.number})"
