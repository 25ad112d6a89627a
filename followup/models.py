"""What the Forum recommends and what becomes of it, and the practices it shares.

A Recommendation is marked by the rapporteur in a session's outcome and goes public with it; its
status (proposed, taken up, in progress, implemented, superseded) changes over the following
meetings, each change a StatusChange row, and delegations' focal points file FollowUpReports on it.
Later sessions name the recommendations they build on (SessionRecommendation). A Practice is the
Platform for Partnerships' entry: submitted by a government, an international organisation or a
civil-society organisation, reviewed and published by a Chair's office."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.choices import ChoiceLabels
from papers.models import StoredFile

LANGUAGE_CHOICES = list(languages.NAMES.items())


class Theme(models.Model):
    """A subject the Forum works on (labour mobility, diasporas, migration data...): recommendations
    and practices are filed under themes, and the tracker counts by them. Kept by portal support."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Addressee(models.TextChoices):
    """To whom a recommendation is addressed."""

    GOVERNMENTS = "governments", _("Governments")
    GFMD = "gfmd", _("The GFMD")
    INTERNATIONAL_ORGANISATIONS = "international_organisations", _("International organisations")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class RecommendationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Recommendation(ChoiceLabels, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        TAKEN_UP = "taken_up", _("Taken up")
        IN_PROGRESS = "in_progress", _("In progress")
        IMPLEMENTED = "implemented", _("Implemented")
        SUPERSEDED = "superseded", _("Superseded")

    outcome = models.ForeignKey(
        "outcomes.Outcome", on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("outcome")
    )
    # R1, R2... within the outcome: part of the public identifier, never reused (a removed
    # recommendation's number is not given to the next one).
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    addressees = models.JSONField(_("addressed to"), default=list, blank=True)  # Addressee values
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations", verbose_name=_("themes"))
    # The current status; every change is a StatusChange row (the history), written by one service.
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    # Set when the outcome is published (outcomes.hooks): a recommendation added to a published
    # outcome's draft later is not public until the outcome is published again.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("marked by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["outcome", "number"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "number"], name="unique_recommendation_number"),
        ]

    def __str__(self) -> str:
        return self.identifier

    def get_absolute_url(self) -> str:
        return reverse("followup:recommendation", args=[self.identifier])

    @property
    def identifier(self) -> str:
        """The stable public identifier, e.g. GFMD-2010-1.1-R3 (meeting year, session code, number).
        Reads outcome.session.meeting: select them with the recommendation."""
        session = self.outcome.session
        return f"GFMD-{session.meeting.start_date.year}-{session.code}-R{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class StatusChange(models.Model):
    """One step of a recommendation's history: its new status, when, by whom, in which meeting's
    follow-up, and why (a note, or the follow-up report that prompted it)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("recommendation")
    )
    status = models.CharField(_("status"), max_length=16, choices=Recommendation.Status.choices)
    note = models.TextField(_("note"), blank=True)
    meeting = models.ForeignKey(
        "roundtables.Meeting",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("meeting"),
        help_text=_("The meeting in whose follow-up the status changed."),
    )
    report = models.ForeignKey(
        "FollowUpReport", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("report")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["recommendation", "-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.status}"


class FollowUpReport(models.Model):
    """What a delegation did about a recommendation, filed by its focal point in a later meeting's
    follow-up (the meeting whose focal point they are), in any working language."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="reports", verbose_name=_("recommendation")
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        related_name="followup_reports",
        verbose_name=_("delegation"),
    )
    meeting = models.ForeignKey(
        "roundtables.Meeting",
        on_delete=models.PROTECT,
        related_name="followup_reports",
        verbose_name=_("meeting"),
        help_text=_("The meeting in whose follow-up the report was filed."),
    )
    # What the delegation reports the recommendation's status to be, for them.
    status = models.CharField(_("status reported"), max_length=16, choices=Recommendation.Status.choices)
    text = models.TextField(_("report"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default=languages.DEFAULT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("filed by")
    )
    submitted_at = models.DateTimeField(_("filed"))

    class Meta:
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        ordering = ["recommendation", "-submitted_at", "-pk"]

    def __str__(self) -> str:
        return _("Report of %(delegation)s on %(recommendation)s") % {
            "delegation": self.delegation_id,
            "recommendation": self.recommendation_id,
        }


def _followup_file_name(instance, filename: str) -> str:
    # The service passes a generated name (random hex and the detected extension), as for papers.
    return f"followup/{filename}"


class ReportAttachment(StoredFile):
    """A document attached to a follow-up report, checked like a paper's file (papers.validators)."""

    file = models.FileField(_("file"), upload_to=_followup_file_name, max_length=200)
    report = models.ForeignKey(
        FollowUpReport, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("report")
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["report", "pk"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="report_attachment_not_empty")]


class SessionRecommendation(models.Model):
    """A session builds on an earlier meeting's published recommendation (2010's 3.1 on Athens 2009's
    recommendation on Migration Profiles)."""

    session = models.ForeignKey(
        "roundtables.Session", on_delete=models.CASCADE, related_name="recommendation_links", verbose_name=_("session")
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="session_links", verbose_name=_("recommendation")
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("linked by")
    )
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("session building on a recommendation")
        verbose_name_plural = _("sessions building on recommendations")
        ordering = ["session", "recommendation"]
        constraints = [
            models.UniqueConstraint(fields=["session", "recommendation"], name="unique_session_recommendation"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} -> {self.recommendation_id}"


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    LOCAL_AUTHORITY = "local_authority", _("Local or regional authority")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia and research")


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Practice.State.PUBLISHED)


class Practice(ChoiceLabels, models.Model):
    """A practice in the Platform for Partnerships: what was done, where, with whom and with what results."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class SubmitterKind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    results = models.TextField(_("results"), blank=True)
    # The language it was submitted in: readers of another language without a translation get this one.
    language = models.CharField(
        _("original language"), max_length=8, choices=LANGUAGE_CHOICES, default=languages.DEFAULT
    )
    submitter_kind = models.CharField(_("submitted by a"), max_length=32, choices=SubmitterKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    # The delegation that submitted it, when the submitter is one (a government, an observer
    # organisation, a civil-society organisation registered with the Forum).
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices_submitted",
        verbose_name=_("delegation"),
    )
    # The countries involved, as the Forum's state delegations (whose region the filters use).
    countries = models.ManyToManyField(
        "delegations.Delegation", blank=True, related_name="practices", verbose_name=_("countries involved")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="practices", verbose_name=_("themes"))
    period_start = models.DateField(_("started"), null=True, blank=True)
    period_end = models.DateField(_("ended"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)  # http(s) addresses, checked by the form
    # Where the practice meets the Forum's work.
    sessions = models.ManyToManyField(
        "roundtables.Session", blank=True, related_name="practices", verbose_name=_("presented in sessions")
    )
    papers = models.ManyToManyField(
        "papers.Paper", blank=True, related_name="practices", verbose_name=_("cited by papers")
    )
    recommendations = models.ManyToManyField(
        Recommendation, blank=True, related_name="practices", verbose_name=_("answers recommendations")
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.SUBMITTED)
    review_note = models.TextField(_("review note"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-published_at", "-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False), name="published_practice_has_date"
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="practice_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("followup:practice", args=[self.pk])


class PracticePartner(models.Model):
    """An organisation the practice was carried out with, and its kind (the filters use the kind)."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="partners", verbose_name=_("practice")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["practice", "pk"]

    def __str__(self) -> str:
        return self.name


class PracticeDocument(StoredFile):
    """A document about the practice, checked like a paper's file (papers.validators)."""

    file = models.FileField(_("file"), upload_to=_followup_file_name, max_length=200)
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="documents", verbose_name=_("practice")
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["practice", "pk"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="practice_document_not_empty")]
