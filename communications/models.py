"""A mailing the Chair's office (or a focal point, to their own delegation) writes to an audience.

The composed mailing is the draft: its audience, its subject and message in English, French and
Spanish, and the portal's own documents it links to. "Put in the outbox" resolves the audience and
writes a mailings.Mailing with one held mail per recipient; from there the outbox's review, sending,
progress and delivery report are the mailings app's.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.choices import ChoiceLabels


class Audience(models.TextChoices):
    FOCAL_POINTS = "focal_points", _("All focal points of the meeting")
    STEERING_GROUP = "steering_group", _("The Steering Group (its focal points)")
    FRIENDS = "friends", _("The Friends of the Forum (their focal points)")
    PARTICIPANTS = "participants", _("All approved participants of the meeting")
    SESSION = "session", _("The approved participants of one session")
    CIVIL_SOCIETY = "civil_society", _("Civil society (approved participants of civil-society organisations)")
    DELEGATION = "delegation", _("The approved participants of one delegation")
    HAND_PICKED = "hand_picked", _("A hand-picked list of people")


class ComposedMailing(ChoiceLabels, models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OUTBOX = "outbox", _("In the outbox")

    # A hand-picked list and the attached documents are chosen from bounded pickers.
    MAX_PEOPLE = 200
    MAX_PAPERS = 20

    meeting = models.ForeignKey(
        "roundtables.Meeting", on_delete=models.CASCADE, related_name="composed_mailings", verbose_name=_("meeting")
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What the mailing is, for the list of mailings and the outbox.")
    )
    audience = models.CharField(_("send to"), max_length=20, choices=Audience.choices, default=Audience.PARTICIPANTS)
    session = models.ForeignKey(
        "roundtables.Session",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("session"),
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delegation"),
    )
    people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("people"))
    # One field per language, not modeltranslation: an empty translation must stay empty (the recipient then
    # gets the English text with a note), never silently filled in from English by a fallback.
    subject_en = models.CharField(_("subject (English)"), max_length=200)
    subject_fr = models.CharField(_("subject (French)"), max_length=200, blank=True)
    subject_es = models.CharField(_("subject (Spanish)"), max_length=200, blank=True)
    body_en = models.TextField(_("message (English)"))
    body_fr = models.TextField(_("message (French)"), blank=True)
    body_es = models.TextField(_("message (Spanish)"), blank=True)
    papers = models.ManyToManyField(
        "papers.Paper", blank=True, related_name="+", verbose_name=_("papers linked in the mail")
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    mailing = models.OneToOneField(
        "mailings.Mailing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="composed",
        verbose_name=_("mailing in the outbox"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("composed mailing")
        verbose_name_plural = _("composed mailings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(audience="session") | Q(session__isnull=False), name="composed_session_has_session"
            ),
            models.CheckConstraint(
                condition=~Q(audience="delegation") | Q(delegation__isnull=False),
                name="composed_delegation_has_delegation",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(mailing__isnull=False), name="composed_outbox_has_mailing"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def subject(self, language: str) -> str:
        return getattr(self, f"subject_{language}", "") or ""

    def body(self, language: str) -> str:
        return getattr(self, f"body_{language}", "") or ""

    def has_language(self, language: str) -> bool:
        """Written in this language: English always is (required), another one when both are given."""
        return bool(self.subject(language).strip() and self.body(language).strip())

    @property
    def written_languages(self) -> list[str]:
        return [code for code in languages.CODES if self.has_language(code)]
