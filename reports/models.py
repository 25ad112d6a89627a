"""Generated files: one row per PDF someone asked for, filled by a Celery task."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gfmd.choices import ChoiceLabels


class GeneratedFileQuerySet(models.QuerySet):
    def active(self) -> "GeneratedFileQuerySet":
        return self.filter(state__in=GeneratedFile.ACTIVE_STATES)

    def downloadable(self) -> "GeneratedFileQuerySet":
        return (
            self.filter(state=GeneratedFile.State.DONE)
            .exclude(file="")
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        )


class GeneratedFile(ChoiceLabels, models.Model):
    """A document (PDF) produced in the background from a renderer's kind and parameters.

    Its content depends on (kind, parameters) only, never on who asked: the same request while
    one is queued or running returns that job (a partial unique constraint on `request_key`),
    and whoever may see the content may follow and download it.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being produced")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    ACTIVE_STATES = (State.QUEUED, State.RUNNING)
    # The first start and two retries after the worker died.
    MAX_ATTEMPTS = 3

    kind = models.CharField(_("kind"), max_length=50)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    # sha256 of the canonical JSON of (kind, parameters): equal requests have equal keys.
    request_key = models.CharField(max_length=64, db_index=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="generated_files"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    # How many times a worker started the job: a task whose worker died is delivered again
    # (acks_late), and the service refuses a start past MAX_ATTEMPTS so that a document that kills
    # its worker every time fails instead of looping.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    objects = GeneratedFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request_key"],
                condition=Q(state__in=["queued", "running"]),
                name="one_active_job_per_report_request",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE_STATES

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_downloadable(self) -> bool:
        return self.state == self.State.DONE and bool(self.file) and not self.is_expired


class GeneratedPart(models.Model):
    """One part of a document rendered in parallel (a Celery group of part tasks): its own PDF,
    kept until the last part is done and the merge task joins them into the document's file.

    A part is the unit a worker redoes after dying (acks_late): a part already done is not
    rendered again, so a redelivered task never doubles work, and the merge reads the parts in
    their order, whichever worker finished first."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being produced")
        DONE = "done", _("Ready")

    generated_file = models.ForeignKey(GeneratedFile, on_delete=models.CASCADE, related_name="parts")
    index = models.PositiveIntegerField(_("part"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # What the part holds (badges: registration ids), fixed when the job is split, so that a
    # registration approved or withdrawn while the parts render is never missing or doubled at
    # a boundary between two parts.
    items = models.JSONField(_("items"), default=list, blank=True)
    file = models.FileField(_("file"), upload_to="reports/parts/%Y/%m/", blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("part of a generated file")
        verbose_name_plural = _("parts of generated files")
        ordering = ["generated_file", "index"]
        constraints = [
            models.UniqueConstraint(fields=["generated_file", "index"], name="one_row_per_report_part"),
        ]

    def __str__(self) -> str:
        return f"{self.generated_file_id} part {self.index + 1}"
