"""Background papers, their versions, translations and comments, and the submission deadlines.

A paper belongs to a session and moves through one workflow (Paper.State); each move is made
by one function in papers.services.workflow. Files (versions and translations) are stored under
generated names through Django's storage API and never have a public URL: views check
permission and stream them as attachments.
"""

import math

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gfmd.choices import ChoiceLabels

# format: (content type, extension). The format is what papers.validators recognised in the
# file's content; the browser's claim and the file name play no part.
FILE_FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
}


class FileFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word document (DOCX)")
    ODT = "odt", _("OpenDocument text (ODT)")


class PaperQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Paper.State.PUBLISHED)

    def active(self):
        """Papers still in play: not withdrawn, not rejected."""
        return self.exclude(state__in=Paper.CLOSED_STATES)


class Paper(ChoiceLabels, models.Model):
    """A background paper, annex, case study or government contribution to a session."""

    class Kind(models.TextChoices):
        BACKGROUND = "background", _("Background paper")
        ANNEX = "annex", _("Annex")
        CASE_STUDY = "case_study", _("Country case study")
        GOVERNMENT_CONTRIBUTION = "government_contribution", _("Government contribution")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        REVISION_REQUESTED = "revision_requested", _("Revision requested")
        ACCEPTED = "accepted", _("Accepted")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Rejected")

    # Named groups of states, declared once.
    EDITABLE_STATES = (State.DRAFT, State.REVISION_REQUESTED)  # the team may upload versions and edit details
    SUBMITTABLE_STATES = (State.DRAFT, State.REVISION_REQUESTED)
    UNDER_REVIEW_STATES = (State.SUBMITTED, State.IN_REVIEW)  # reviewers may decide
    WITHDRAWABLE_STATES = (
        State.DRAFT,
        State.SUBMITTED,
        State.IN_REVIEW,
        State.REVISION_REQUESTED,
        State.ACCEPTED,
    )
    CLOSED_STATES = (State.WITHDRAWN, State.REJECTED)
    # The session's paper is "in" once submitted and not sent back.
    DELIVERED_STATES = (State.SUBMITTED, State.IN_REVIEW, State.ACCEPTED, State.PUBLISHED)

    session = models.ForeignKey(
        "roundtables.Session", on_delete=models.CASCADE, related_name="papers", verbose_name=_("session")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.BACKGROUND)
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the paper is written in."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="papers_authored", verbose_name=_("authors")
    )
    contributing_delegations = models.ManyToManyField(
        "delegations.Delegation", blank=True, related_name="papers", verbose_name=_("contributing delegations")
    )
    state = models.CharField(_("state"), max_length=32, choices=State.choices, default=State.DRAFT, db_index=True)
    # The version the reviewers accepted: the one the public downloads once published.
    accepted_version = models.ForeignKey(
        "papers.Version",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    # The first submission is what meets the deadline or misses it: a revision the reviewers asked for
    # comes later by design and does not make a paper late.
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Set when the Chair's office takes a published paper out of the library (it is then withdrawn):
    # its public page stays, saying when and why, so links to it do not silently break.
    unpublished_at = models.DateTimeField(_("withdrawn from the library at"), null=True, blank=True)
    unpublish_reason = models.TextField(_("why it was withdrawn from the library"), blank=True)
    # What each translation of the title and abstract was made from: {"fr": {"title": <the original's text
    # when the French title was saved>, "abstract": ...}}, written by papers.services.translations. A
    # translation whose original has changed since "needs update" (the translators' queue), and its form
    # shows what changed. A text kept whole rather than a hash, since the form shows the difference.
    translated_from = models.JSONField(_("translated from"), default=dict, blank=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")
        ordering = ["session", "kind", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(kind="background") & ~Q(state__in=["withdrawn", "rejected"]),
                name="one_active_background_paper_per_session",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["accepted", "published"]) | Q(accepted_version__isnull=False),
                name="accepted_paper_has_accepted_version",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="published_paper_has_published_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_unpublished(self) -> bool:
        """Was in the library, then withdrawn from it by the Chair's office."""
        return self.state == self.State.WITHDRAWN and self.unpublished_at is not None

    def days_late(self, due_at) -> int:
        """Whole days (any part of a day counts) between the deadline and the first submission; 0 when
        on time, not submitted, or without a deadline."""
        submitted = self.first_submitted_at or self.submitted_at
        if due_at is None or submitted is None or submitted <= due_at:
            return 0
        return math.ceil((submitted - due_at).total_seconds() / 86400)

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES


def _stored_file_name(instance, filename: str) -> str:
    # `filename` is the generated name the service passes (a random hex and the detected
    # extension); nothing of the uploader's file name reaches the storage path.
    return f"papers/{filename}"


class StoredFile(models.Model):
    """A file kept through the storage API with what we learned when we checked it."""

    file = models.FileField(_("file"), upload_to=_stored_file_name, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def content_type(self) -> str:
        return FILE_FORMATS[self.file_format][0]

    @property
    def extension(self) -> str:
        return FILE_FORMATS[self.file_format][1]


class Version(StoredFile):
    """One uploaded version of a paper, numbered 1, 2, 3... within the paper."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions", verbose_name=_("paper"))
    number = models.PositiveSmallIntegerField(_("number"))
    note = models.TextField(_("what changed"), blank=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["paper", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="unique_version_number_per_paper"),
            models.CheckConstraint(condition=Q(size__gt=0), name="version_not_empty"),
        ]

    def __str__(self) -> str:
        return _("%(paper)s, version %(number)s") % {"paper": self.paper.title, "number": self.number}


class Translation(StoredFile):
    """A published paper's French or Spanish (or English) version: a file of its own."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="translations", verbose_name=_("paper"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["paper", "language"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "language"], name="one_translation_per_language"),
            models.CheckConstraint(condition=Q(size__gt=0), name="translation_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.paper.title} ({self.get_language_display()})"


class Comment(models.Model):
    """A remark on one version, seen by the session's team and the Chair's office only."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("comment"))
    # Set when the comment is the message that came with a transition (a revision request).
    transition = models.CharField(_("with decision"), max_length=32, choices=Paper.State.choices, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["version", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:60]}"


class SubmissionDeadline(models.Model):
    """When papers are due: one deadline per meeting, optionally overridden for a session."""

    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="paper_deadlines", verbose_name=_("meeting")
    )
    session = models.OneToOneField(
        "roundtables.Session",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="paper_deadline",
        verbose_name=_("session"),
    )
    due_at = models.DateTimeField(_("papers due"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("set by")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("submission deadline")
        verbose_name_plural = _("submission deadlines")
        ordering = ["meeting", "session"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(session__isnull=True), name="one_paper_deadline_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session.code if self.session_id else self.meeting}: {self.due_at:%Y-%m-%d %H:%M}"


class DeadlineReminder(models.Model):
    """A reminder sent to a session's team. The unique constraint is what makes it go once."""

    class Kind(models.TextChoices):
        WEEK_BEFORE = "week_before", _("One week before the deadline")
        DAY_BEFORE = "day_before", _("One day before the deadline")
        OVERDUE = "overdue", _("Deadline passed")

    session = models.ForeignKey(
        "roundtables.Session", on_delete=models.CASCADE, related_name="paper_reminders", verbose_name=_("session")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    due_at = models.DateTimeField(_("deadline it was about"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "kind", "due_at"], name="one_reminder_per_session_kind_deadline"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session.code}: {self.get_kind_display()}"
