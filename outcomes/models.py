"""A session's outcome: the rapporteur's report, drafted section by section, signed off by the
co-chair governments and presented at the closing plenary.

Nothing typed is ever lost: every save is an OutcomeRevision (a save based on an older revision
is stored too, as a conflict, without moving the section's current text)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.choices import ChoiceLabels

LANGUAGE_CHOICES = list(languages.NAMES.items())


class OutcomeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Outcome.State.PUBLISHED)


class Outcome(ChoiceLabels, models.Model):
    class State(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        RETURNED = "returned", _("Returned to drafting with comments")
        SUBMITTED = "submitted", _("Submitted to the co-chairs")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    # Named groups of states, declared once.
    EDITABLE_STATES = (State.DRAFTING, State.RETURNED)
    PRESENTABLE_STATES = (State.APPROVED, State.PUBLISHED)

    session = models.OneToOneField(
        "roundtables.Session", on_delete=models.CASCADE, related_name="outcome", verbose_name=_("session")
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFTING)
    # The language the rapporteur drafts in: its sections are the original the co-chairs sign off;
    # the sections in the other working languages are translations of it.
    original_language = models.CharField(
        _("original language"), max_length=8, choices=LANGUAGE_CHOICES, default=languages.DEFAULT
    )
    # When translations were last published (with the outcome, or after it): part of the public
    # page's stamp, so that a translation published later changes the page.
    translations_published_at = models.DateTimeField(_("translations published at"), null=True, blank=True)
    return_comment = models.TextField(_("comments on returning to drafting"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by_chair_office = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set when the Chair's office approved in place of the co-chairs."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["session__meeting", "session__code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False), name="published_outcome_has_date"
            ),
        ]

    def __str__(self) -> str:
        return _("Outcome of session %(code)s") % {"code": self.session.code}

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def is_presentable(self) -> bool:
        return self.state in self.PRESENTABLE_STATES

    @property
    def original_sections(self) -> models.QuerySet:
        """The sections in the original language: the rapporteur's text, which the co-chairs sign off."""
        return self.sections.filter(language=self.original_language)


class OutcomeSection(models.Model):
    """One section of an outcome in one working language. The sections in the outcome's original
    language are the rapporteur's; the others are translations, each revision of which records the
    original's revision it was made from (OutcomeRevision.source)."""

    class Kind(models.TextChoices):
        SUMMARY = "summary", _("Summary of the discussion")
        CONCLUSIONS = "conclusions", _("Key conclusions")
        RECOMMENDATIONS = "recommendations", _("Recommendations")
        GOOD_PRACTICES = "good_practices", _("Good practices and partnerships cited")
        FOLLOW_UP = "follow_up", _("Proposed follow-up")

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("section"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default=languages.DEFAULT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The section's current text; None until the first save.
    current_revision = models.ForeignKey(
        "OutcomeRevision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What the public reads in this language: the original's text when the outcome is published; a
    # translation's, when it was up to date with that text at publication (or published since).
    published_revision = models.ForeignKey(
        "OutcomeRevision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("outcome section")
        verbose_name_plural = _("outcome sections")
        ordering = ["outcome", "order", "language"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "kind", "language"], name="one_section_of_each_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.get_kind_display()} ({self.language})"

    @property
    def html(self) -> str:
        return self.current_revision.html if self.current_revision_id else ""

    @property
    def anchor(self) -> str:
        return f"section-{self.kind.replace('_', '-')}"

    @property
    def is_original(self) -> bool:
        return self.language == self.outcome.original_language


class OutcomeRevision(models.Model):
    """One saved version of a section, kept for ever."""

    class Origin(models.TextChoices):
        SAVED = "saved", _("Saved")
        CONFLICT = "conflict", _("Saved alongside a newer version")
        MERGED = "merged", _("Merged after a conflict")
        RESTORED = "restored", _("Restored from an earlier version")

    section = models.ForeignKey(OutcomeSection, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    html = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="outcome_revisions"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    base = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("based on")
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.SAVED)
    restored_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("restored from")
    )
    # A translation's revision: the original's revision it translates (None for the original's own).
    source = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("translated from")
    )
    # Chosen by the browser for each text it sends, so that a save repeated after a lost
    # response (flaky network, offline queue) is recognised instead of stored twice.
    client_token = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("outcome revision")
        verbose_name_plural = _("outcome revisions")
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="unique_revision_number"),
            models.UniqueConstraint(
                fields=["section", "client_token"], condition=~Q(client_token=""), name="unique_revision_token"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section} v{self.number}"


class SectionComment(models.Model):
    section = models.ForeignKey(OutcomeSection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["section", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.section}: {self.body[:40]}"


class Approval(models.Model):
    """One co-chair government's sign-off of the submitted outcome."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="approvals")
    delegation = models.ForeignKey("delegations.Delegation", on_delete=models.CASCADE, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["outcome", "delegation__name"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "delegation"], name="one_approval_per_co_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.delegation}"
