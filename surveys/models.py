"""Surveys of the Chair's office: questions in sections, invitations with secret links, responses.

An invitation goes to a delegation (its focal points receive the mail, one answer per delegation)
or to a person. Each mail carries its own link; only the SHA-256 of the link's token is stored
(InvitationLink), the token itself exists only in the mail. A response is saved as the recipient
goes and submitted once; in an anonymous survey the submitted answers are cut from the invitation,
so that who responded is known but never what they answered.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gfmd.choices import ChoiceLabels


class SurveyQuerySet(models.QuerySet):
    def open_at(self, when) -> "SurveyQuerySet":
        return self.filter(opens_at__lte=when, closes_at__gt=when)


class Survey(ChoiceLabels, models.Model):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Not yet open")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Results show which delegations responded, never what each one answered."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="survey_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    def get_status_display(self) -> str:
        return self.Status(self.status()).label

    @property
    def is_open(self) -> bool:
        return self.status() == self.Status.OPEN


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["survey", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Question(ChoiceLabels, models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale from 1 to 5")
        YES_NO = "yes_no", _("Yes or no")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)
    TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)
    # Kinds whose answer can decide whether a later question is shown.
    CONDITION_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.YES_NO, Kind.SCALE)
    SCALE_VALUES = (1, 2, 3, 4, 5)

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=16, choices=Kind.choices)
    required = models.BooleanField(_("an answer is required"), default=False)
    # Shown only when an earlier question's answer has this value: an option's id, "yes"/"no", or 1-5.
    show_if_question = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dependent_questions",
        verbose_name=_("shown only if the answer to"),
    )
    show_if_value = models.CharField(_("is"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section__order", "section_id", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(show_if_question__isnull=True, show_if_value="")
                | Q(show_if_question__isnull=False) & ~Q(show_if_value=""),
                name="question_condition_complete",
            ),
            models.CheckConstraint(condition=~Q(show_if_question=F("pk")), name="question_not_own_condition"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"

    @property
    def condition_label(self) -> str:
        """The answer of the earlier question that shows this one, as the person reads it."""
        source, value = self.show_if_question, self.show_if_value
        if source is None:
            return ""
        if source.kind in self.CHOICE_KINDS:
            return next((option.label for option in source.options.all() if str(option.pk) == value), value)
        if source.kind == self.Kind.YES_NO:
            return str(_("Yes") if value == "yes" else _("No"))
        return value


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("label"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "order", "pk"]

    def __str__(self) -> str:
        return self.label


class Invitation(ChoiceLabels, models.Model):
    """One per recipient: a delegation (answered by its focal points) or a person."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
        verbose_name=_("delegation"),
    )
    # A person invited in their own name; with a delegation too, the delegation is who they belong to.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
        verbose_name=_("person"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["survey", "delegation__name", "person__last_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(delegation__isnull=False) | Q(person__isnull=False), name="invitation_has_recipient"
            ),
            models.UniqueConstraint(
                fields=["survey", "person"], condition=Q(person__isnull=False), name="one_invitation_per_person"
            ),
            models.UniqueConstraint(
                fields=["survey", "delegation"],
                condition=Q(person__isnull=True),
                name="one_invitation_per_delegation",
            ),
        ]

    def __str__(self) -> str:
        return self.recipient_name

    @property
    def recipient_name(self) -> str:
        if self.person_id:
            return self.person.display_name
        return self.delegation.name

    @property
    def is_for_delegation(self) -> bool:
        return self.person_id is None


class InvitationLink(models.Model):
    """The hash of one mailed link's token. A reminder brings a new link; every link of an
    invitation opens the same response until it is submitted."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation link")
        verbose_name_plural = _("invitation links")
        ordering = ["invitation", "created_at"]

    def __str__(self) -> str:
        return f"{self.invitation} ({self.created_at:%Y-%m-%d %H:%M})"


def shuffle_key() -> int:
    return secrets.randbits(62)


class Response(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Cut (set to NULL) when an anonymous survey's response is submitted.
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT)
    # Set by the services (not auto_now): an anonymous response keeps only the day of its submission.
    updated_at = models.DateTimeField(_("last saved at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # A random order for the exports of an anonymous survey: rows in the order of this key say nothing
    # about who answered when (the order of ids would), and the database sorts them as it streams.
    shuffle = models.BigIntegerField(default=shuffle_key, editable=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="draft", submitted_at__isnull=True)
                | Q(state="submitted", submitted_at__isnull=False),
                name="response_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=Q(state="submitted") | Q(invitation__isnull=False), name="draft_response_has_invitation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.get_state_display()}"


class Answer(models.Model):
    """One question's answer. value: an option id (single), a list of option ids (multiple),
    1-5 (scale), true/false (yes/no), or the text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.JSONField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"


class Reminder(models.Model):
    """A reminder to those who have not answered: written by hand (it waits in the outbox like
    any mailing) or scheduled (sent by beat when its time comes, once: fired_at is set by a
    compare-and-set, and SurveyMail's constraint refuses a second mail to anyone)."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("By hand")
        SCHEDULED = "scheduled", _("Scheduled")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    # {"subjects": {"en": ...}, "bodies": {"en": ...}}: the message, in the three languages.
    message = models.JSONField(_("message"), default=dict)
    fired_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    mailing = models.OneToOneField(
        "mailings.Mailing", on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_reminder"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["survey", "send_at", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="manual") | Q(send_at__isnull=False), name="scheduled_reminder_has_time"
            ),
            models.UniqueConstraint(
                fields=["survey", "send_at"], condition=Q(kind="scheduled"), name="one_reminder_per_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.get_kind_display()} {self.send_at or self.created_at:%Y-%m-%d %H:%M}"


class SurveyMail(models.Model):
    """Which mail took an invitation (or a reminder) to which person: the sent log, and the
    database's guarantee that nobody gets the same invitation or the same reminder twice."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="mails")
    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, null=True, blank=True, related_name="mails")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    mail = models.OneToOneField("mailings.OutgoingMail", on_delete=models.CASCADE, related_name="survey_mail")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey mail")
        verbose_name_plural = _("survey mails")
        ordering = ["invitation", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "person"],
                condition=Q(reminder__isnull=True),
                name="one_invitation_mail_per_person",
            ),
            models.UniqueConstraint(
                fields=["reminder", "invitation", "person"],
                condition=Q(reminder__isnull=False),
                name="one_reminder_mail_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitation} → {self.person}"
