"""The meeting and its structure: roundtables, sessions, rooms and session teams."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.models import EmailInvitation
from gfmd.choices import ChoiceLabels


class MeetingQuerySet(models.QuerySet):
    def current(self) -> "Meeting | None":
        return self.filter(is_current=True).first()


class Meeting(ChoiceLabels, models.Model):
    """One yearly meeting of the Forum. Exactly one is current (a database constraint)."""

    class Status(models.TextChoices):
        PLANNING = "planning", _("In preparation")
        OPEN = "open", _("Open for registration")
        CLOSED = "closed", _("Registration closed")
        HELD = "held", _("Held")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300)
    host_country = CountryField(_("host country"))
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        help_text=_("The programme is shown in the host city's time, for example America/Mexico_City."),
    )
    concept_paper = models.TextField(_("concept paper"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNING)
    is_current = models.BooleanField(_("current meeting"), default=False)
    # A closed meeting's record is read-only (roundtables.editions.ensure_open): closing is the
    # Chair's office's deliberate act once the proceedings are out, distinct from the status.
    closed_at = models.DateTimeField(_("record closed"), null=True, blank=True)
    # The government that chairs this meeting (and whose Chair's office staff prepare it: MeetingRole).
    chair_country = CountryField(_("chairing government"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("record closed by"),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_current_meeting"),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="meeting_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class MeetingCorrectionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(ended_at__isnull=True)


class MeetingCorrection(models.Model):
    """A correction window on a closed meeting: the Chair's office opens it on purpose, with a reason,
    and while it is open the services write to the meeting again (roundtables.editions.ensure_open);
    every write logged meanwhile names it. At most one is open per meeting (a database constraint)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    reason = models.TextField(_("reason"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("opened by")
    )
    opened_at = models.DateTimeField(_("opened"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )

    objects = MeetingCorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(ended_at__isnull=True), name="one_open_correction_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return _("Correction of %(meeting)s opened %(when)s") % {
            "meeting": self.meeting.title,
            "when": f"{self.opened_at:%Y-%m-%d %H:%M}",
        }

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class Roundtable(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roundtables")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_roundtable_number"),
        ]

    def __str__(self) -> str:
        return _("RT %(number)s %(title)s") % {"number": self.number, "title": self.title}


class Room(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["meeting", "name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "name"], name="unique_room_name")]

    def __str__(self) -> str:
        return self.name


class Session(ChoiceLabels, models.Model):
    class Kind(models.TextChoices):
        ROUNDTABLE = "roundtable", _("Roundtable session")
        SPECIAL = "special", _("Special session")
        PLENARY = "plenary", _("Plenary")
        CIVIL_SOCIETY = "civil_society", _("Civil Society Days")
        COMMON_SPACE = "common_space", _("Common space")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    roundtable = models.ForeignKey(Roundtable, on_delete=models.CASCADE, related_name="sessions", null=True, blank=True)
    code = models.CharField(_("code"), max_length=20, help_text=_("For example 2.1, or OP for the opening plenary."))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ROUNDTABLE)
    heads_only = models.BooleanField(_("heads of delegation only"), default=False)
    room = models.ForeignKey(Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    team_notes = models.TextField(_("team notes"), blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["meeting", "starts_at", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "code"], name="unique_session_code_per_meeting"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class SessionDelegation(ChoiceLabels, models.Model):
    """A government or organisation on a session's team."""

    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Team member")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="team_delegations")
    delegation = models.ForeignKey("delegations.Delegation", on_delete=models.CASCADE, related_name="session_roles")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("team delegation")
        verbose_name_plural = _("team delegations")
        ordering = ["session", "role", "delegation__name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "delegation"], name="unique_delegation_per_session_team"),
        ]

    def __str__(self) -> str:
        return f"{self.session.code}: {self.delegation} ({self.get_role_display()})"


class SessionPerson(ChoiceLabels, models.Model):
    """A person on a session's team: moderator, rapporteur, background paper author, speaker, or the
    representative of one of its co-chair governments."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        RAPPORTEUR = "rapporteur", _("Rapporteur")
        AUTHOR = "author", _("Background paper author")
        SPEAKER = "speaker", _("Speaker")
        CO_CHAIR_REPRESENTATIVE = "co_chair_rep", _("Co-chair's representative")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="team_people")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_roles")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    # A co-chair's representative speaks for one co-chair government, chosen by the Chair's office; never
    # inferred from the person's registration, which can be withdrawn or moved to another delegation.
    # Empty (for a representative): cannot sign off until the Chair's office chooses the government.
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_representatives",
        verbose_name=_("for the co-chair government"),
    )

    class Meta:
        verbose_name = _("team person")
        verbose_name_plural = _("team people")
        ordering = ["session", "role", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person", "role"], name="unique_person_role_per_session"),
            models.CheckConstraint(
                condition=Q(role="co_chair_rep") | Q(delegation__isnull=True),
                name="only_a_co_chair_representative_has_a_government",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session.code}: {self.person} ({self.get_role_display()})"


class ProgrammeReleaseQuerySet(models.QuerySet):
    def latest_for(self, meeting: "Meeting") -> "ProgrammeRelease | None":
        return self.filter(meeting=meeting).order_by("-version").first()


class ProgrammeRelease(models.Model):
    """One published version of a meeting's programme. The public pages render its snapshot, never the
    live data; a release is written once and never changed (a new version is a new row)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="releases")
    version = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The programme as published: meeting, roundtables, sessions and their teams, in every language.
    snapshot = models.JSONField(_("programme"))
    # What differs from the previous version (roundtables.programme.diff), for the "changed since" note.
    changes = models.JSONField(_("changes"), default=list, blank=True)
    previous_published_at = models.DateTimeField(_("previous version published at"), null=True, blank=True)

    objects = ProgrammeReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme release")
        verbose_name_plural = _("programme releases")
        ordering = ["meeting", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="unique_programme_version"),
            models.CheckConstraint(condition=Q(version__gte=1), name="programme_version_from_one"),
        ]

    def __str__(self) -> str:
        return _("Programme of meeting %(number)s, version %(version)s") % {
            "number": self.meeting.number if self.meeting_id else "?",
            "version": self.version,
        }

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A published programme release is never changed: publish a new version.")
        super().save(*args, **kwargs)


class MeetingRoleQuerySet(models.QuerySet):
    def active(self) -> "MeetingRoleQuerySet":
        return self.filter(revoked_at__isnull=True)


class MeetingRole(ChoiceLabels, models.Model):
    """A person's role in one meeting's organisation, granted by the Chair's office (an accepted
    MeetingStaffInvitation) and revoked with a date, never deleted: the history of who prepared which
    meeting stays. roundtables.permissions reads the active ones."""

    class Role(models.TextChoices):
        CHAIR_STAFF = "chair_staff", _("Chair's office staff")
        # Named by the meeting's Chair's office (no invitation): decides on the meeting's civil-society
        # registrations (delegations.permissions).
        CIVIL_SOCIETY_COORDINATOR = "civil_society_coordinator", _("Civil-society coordinator")
        # Named by the meeting's Chair's office, one role per working language: translates the
        # meeting's outcomes, papers' abstracts and sessions' descriptions into it (outcomes.permissions).
        TRANSLATOR_EN = "translator_en", _("Translator into English")
        TRANSLATOR_FR = "translator_fr", _("Translator into French")
        TRANSLATOR_ES = "translator_es", _("Translator into Spanish")
        # Named by the meeting's Chair's office: checks badges in at the door (logistics' check-in).
        CHECKIN_STAFF = "checkin_staff", _("Check-in staff")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_roles")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CHAIR_STAFF)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = MeetingRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting role")
        verbose_name_plural = _("meeting roles")
        ordering = ["meeting", "role", "granted_at"]
        constraints = [
            # One active grant per person, meeting and role; revoked ones stay as history.
            models.UniqueConstraint(
                fields=["meeting", "user", "role"], condition=Q(revoked_at__isnull=True), name="one_active_meeting_role"
            ),
        ]
        indexes = [models.Index(fields=["user", "revoked_at"], name="meeting_role_user_active")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.meeting}"

    @classmethod
    def translator_role(cls, language: str) -> str:
        """The role of a translator into `language` ("fr" -> "translator_fr")."""
        return cls.Role(f"translator_{language}")

    @property
    def translates_into(self) -> str:
        """The language a translator's role translates into ("" for any other role)."""
        return self.role.removeprefix("translator_") if self.role.startswith("translator_") else ""


class MeetingStaffInvitation(EmailInvitation):
    """A meeting's Chair's office invites a colleague to a role in that meeting (accounts.invitations:
    the same hashed, rotated one-time tokens as the portal's other invitations)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="staff_invitations")
    role = models.CharField(
        _("role"), max_length=32, choices=MeetingRole.Role.choices, default=MeetingRole.Role.CHAIR_STAFF
    )

    class Meta(EmailInvitation.Meta):
        verbose_name = _("meeting staff invitation")
        verbose_name_plural = _("meeting staff invitations")

    def __str__(self) -> str:
        return f"{self.email} · {self.meeting}"
