"""Delegations (states, observer organisations, civil society), their quotas and invitations, and
registrations of people for a meeting and its sessions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.models import EmailInvitation
from gfmd.choices import ChoiceLabels


class DelegationQuerySet(models.QuerySet):
    def active(self) -> "DelegationQuerySet":
        """Delegations not retired: the ones pickers, registration and invitations offer."""
        return self.filter(retired_at__isnull=True)


class Delegation(ChoiceLabels, models.Model):
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
    # The Forum's working languages the delegation works in (codes of gfmd.languages), in that order.
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    # A retired delegation keeps its history (registrations, team roles) but is offered nowhere and
    # accepts nothing new; the Chair's office may reactivate it.
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    # Raised at every save through the Chair's office's form: an edit made on an older version is
    # refused (two people editing the same delegation), naming what the other person changed.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["country"], condition=Q(kind="state"), name="one_delegation_per_state"),
            models.CheckConstraint(condition=~Q(kind="state") | ~Q(country=""), name="state_has_country"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def language_names(self) -> list[str]:
        from gfmd.languages import NAMES

        return [str(NAMES[code]) for code in self.languages if code in NAMES]

    @property
    def display_name(self) -> str:
        """The name people read: a state's country in the active language ("Maroc" for a French
        reader, from django-countries' catalogues, so no query); organisations keep their own name.
        Lists still sort by the stored (English) name, which English readers keep seeing as the
        Chair's office wrote it (django-countries' English names are ISO's, e.g. "Korea (the Republic of)")."""
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if self.kind == self.Kind.STATE and self.country and language != "en":
            return str(self.country.name)
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class DelegationQuota(models.Model):
    """How many people a delegation may register for a meeting, set by the Chair's office.
    Without a quota a delegation's registrations are not limited."""

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="delegation_quotas")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="quotas")
    places = models.PositiveIntegerField(_("places"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("delegation quota")
        verbose_name_plural = _("delegation quotas")
        ordering = ["meeting", "delegation__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "delegation"], name="one_quota_per_delegation_and_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.delegation}: {self.places}"


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        """Registrations that hold a place (in the quota) and seats (in sessions)."""
        return self.filter(status__in=Registration.ACTIVE_STATUSES)


class Registration(ChoiceLabels, models.Model):
    """A person's registration for a meeting with a delegation, and the sessions they chose."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        ADVISER = "adviser", _("Adviser")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # A pending or approved registration holds its place and its session seats.
    ACTIVE_STATUSES = (Status.PENDING, Status.APPROVED)

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="registrations")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    sessions = models.ManyToManyField(
        "roundtables.Session",
        through="SessionChoice",
        blank=True,
        related_name="registrations",
        verbose_name=_("sessions"),
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    visa_letter_needed = models.BooleanField(_("visa support letter needed"), default=False)
    public_list_consent = models.BooleanField(_("listed in the public list of participants"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    # Which badge is the good one: raised at every approval (the badge's QR code carries it), so a
    # badge printed before a withdrawal, a rejection or a new registration no longer verifies.
    badge_serial = models.PositiveIntegerField(_("badge serial"), default=0, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "delegation__name", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_registration_per_person_and_meeting"),
            models.UniqueConstraint(
                fields=["meeting", "delegation"],
                condition=Q(role="head", status__in=["pending", "approved"]),
                name="one_head_per_delegation_and_meeting",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_reason=""), name="rejection_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.delegation} ({self.meeting.number})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES


class SessionChoice(models.Model):
    """A session a registration chose; while the registration is active it holds one seat."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="session_choices")
    session = models.ForeignKey("roundtables.Session", on_delete=models.CASCADE, related_name="registration_choices")
    created_at = models.DateTimeField(_("chosen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session choice")
        verbose_name_plural = _("session choices")
        ordering = ["registration", "session__code"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="one_choice_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} · {self.session.code}"


class Invitation(EmailInvitation):
    """A focal point's invitation to register with the delegation, sent to one e-mail address."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        USED = "used", _("Used")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="invitations")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=16, choices=Registration.Role.choices, default="delegate")

    class Meta(EmailInvitation.Meta):
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.delegation}"

    @property
    def state(self) -> str:
        if self.used_at:
            return self.State.USED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.OPEN

    def get_state_display(self) -> str:
        return self.State(self.state).label


class MeetingMembership(models.Model):
    """A delegation's membership of the Forum's bodies for one meeting: the Steering Group and the
    Friends of the Forum change from year to year, so they are recorded per meeting (no row: neither)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="memberships")
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="memberships")
    steering_group = models.BooleanField(_("Steering Group member"), default=False)
    friends_of_the_forum = models.BooleanField(_("Friends of the Forum member"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["meeting", "delegation__name"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "meeting"], name="one_membership_per_delegation_and_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.delegation} ({self.meeting.number})"


class FocalPoint(ChoiceLabels, models.Model):
    """A person who runs a delegation for one meeting: a 2010 focal point has no rights on 2011 until
    nominated for 2011 and accepted. A row exists only once the person accepted (or was recorded by the
    Chair's office's data migration); revoking deletes it, the activity log keeps the history."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="focal_point_roles")
    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="focal_point_roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_point_roles", verbose_name=_("person")
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["meeting", "delegation__name", "user__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "meeting", "user"], name="one_focal_point_row_per_person"),
            # One delegation per person and meeting: a focal point speaks for one government.
            models.UniqueConstraint(fields=["meeting", "user"], name="one_focal_point_role_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.delegation} ({self.meeting.number})"


class FocalPointNomination(EmailInvitation):
    """The Chair's office nominates a focal point of a delegation for a meeting by mail; the person
    accepts through the mailed link (its token is made when the mail is sent, only its hash stored:
    accounts.invitations). `used_at` is when it was accepted. `replaces`: the focal point the accepted
    nomination takes over from (their role ends when the new one accepts)."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="focal_point_nominations")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="focal_point_nominations")
    replaces = models.ForeignKey(
        FocalPoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replacement_nominations",
        verbose_name=_("replaces"),
    )

    class Meta(EmailInvitation.Meta):
        verbose_name = _("focal point nomination")
        verbose_name_plural = _("focal point nominations")

    def __str__(self) -> str:
        return f"{self.email} → {self.delegation} ({self.meeting.number})"

    @property
    def accepted_at(self):
        return self.used_at

    @property
    def state(self) -> str:
        if self.used_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.OPEN

    def get_state_display(self) -> str:
        return self.State(self.state).label
