"""funding: tables. A meeting's funding call (what it covers, who is eligible, its budget) and the
nominations its eligible delegations' focal points make, each decided by the Chair's office."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.choices import ChoiceLabels

__all__ = ["FundingCall", "FundingNomination"]

# What a funded place may cover (the call's checkboxes).
COVERS = {
    "airfare": _("Economy-class return airfare"),
    "hotel": _("Hotel nights during the meeting"),
    "allowance": _("Daily subsistence allowance"),
    "transfers": _("Airport transfers"),
}

# The UN's least developed countries (ISO 3166 codes).
LEAST_DEVELOPED = frozenset(
    [
        "AF",
        "AO",
        "BD",
        "BF",
        "BI",
        "BJ",
        "CD",
        "CF",
        "DJ",
        "ER",
        "ET",
        "GM",
        "GN",
        "GW",
        "HT",
        "KH",
        "KI",
        "KM",
        "LA",
        "LR",
        "LS",
        "MG",
        "ML",
        "MM",
        "MR",
        "MW",
        "MZ",
        "NE",
        "NP",
        "RW",
        "SB",
        "SD",
        "SL",
        "SN",
        "SO",
        "SS",
        "ST",
        "TD",
        "TG",
        "TL",
        "TV",
        "TZ",
        "UG",
        "YE",
        "ZM",
    ]
)
# The World Bank's low- and lower-middle-income economies (ISO 3166 codes).
LOWER_INCOME = LEAST_DEVELOPED | frozenset(
    [
        "BO",
        "BT",
        "CG",
        "CI",
        "CM",
        "EG",
        "FM",
        "GH",
        "HN",
        "IN",
        "IR",
        "KE",
        "KG",
        "KP",
        "LB",
        "LK",
        "MA",
        "MN",
        "NG",
        "NI",
        "PG",
        "PH",
        "PK",
        "SY",
        "SZ",
        "TJ",
        "TN",
        "UZ",
        "VN",
        "VU",
        "WS",
        "ZW",
    ]
)

# The groups of countries a call may name: a label and either a set of country codes or a region of
# delegations.Delegation.Region. Only state delegations belong to a group.
COUNTRY_GROUPS = {
    "ldc": (_("Least developed countries (UN list)"), LEAST_DEVELOPED, ""),
    "lower_income": (_("Low- and lower-middle-income economies (World Bank)"), LOWER_INCOME, ""),
    "africa": (_("States of Africa"), None, "africa"),
    "americas": (_("States of the Americas"), None, "americas"),
    "asia": (_("States of Asia"), None, "asia"),
    "oceania": (_("States of Oceania"), None, "oceania"),
}


class FundingCall(ChoiceLabels, models.Model):
    """A call for funded participation in one meeting, opened by its Chair's office."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for nominations")
        CLOSED = "closed", _("Closed")

    class Eligibility(models.TextChoices):
        DELEGATIONS = "delegations", _("A list of delegations")
        GROUP = "group", _("A group of countries")

    class Currency(models.TextChoices):
        USD = "USD", _("US dollars (USD)")
        EUR = "EUR", _("Euros (EUR)")
        CHF = "CHF", _("Swiss francs (CHF)")
        MXN = "MXN", _("Mexican pesos (MXN)")

    meeting = models.ForeignKey("roundtables.Meeting", on_delete=models.CASCADE, related_name="funding_calls")
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    # What a funded place covers: keys of logistics.services.funding.COVERS, and a free text.
    covers = models.JSONField(_("what is covered"), default=list, blank=True)
    covers_other = models.CharField(_("also covered"), max_length=300, blank=True)
    eligibility = models.CharField(_("eligibility"), max_length=16, choices=Eligibility.choices)
    # For eligibility by group: a key of logistics.services.funding.COUNTRY_GROUPS.
    country_group = models.CharField(_("group of countries"), max_length=32, blank=True)
    delegations = models.ManyToManyField(
        "delegations.Delegation", blank=True, related_name="funding_calls", verbose_name=_("eligible delegations")
    )
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.USD)
    cost_per_place = models.DecimalField(_("estimated cost per funded place"), max_digits=12, decimal_places=2)
    max_nominations = models.PositiveSmallIntegerField(_("nominations per delegation"), default=2)
    deadline = models.DateTimeField(_("nomination deadline"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="funding_call_budget_not_negative"),
            models.CheckConstraint(condition=Q(cost_per_place__gt=0), name="funding_call_cost_positive"),
            models.CheckConstraint(condition=Q(max_nominations__gte=1), name="funding_call_one_nomination_at_least"),
        ]

    def __str__(self) -> str:
        return self.title

    def _text(self, base: str) -> str:
        language = (translation.get_language() or languages.DEFAULT).split("-")[0]
        return getattr(self, f"{base}_{language}", "") or getattr(self, f"{base}_{languages.DEFAULT}")

    @property
    def title(self) -> str:
        """The title in the reader's language, English where it is not translated."""
        return self._text("title")

    @property
    def description(self) -> str:
        return self._text("description")

    @property
    def group_label(self) -> str:
        group = COUNTRY_GROUPS.get(self.country_group)
        return str(group[0]) if group else ""

    def covered_labels(self) -> list[str]:
        labels = [str(COVERS[key]) for key in self.covers if key in COVERS]
        return [*labels, self.covers_other] if self.covers_other else labels

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def places(self) -> int:
        """How many places the budget funds at the estimated cost per place."""
        return int(self.budget // self.cost_per_place) if self.cost_per_place else 0


class FundingNomination(ChoiceLabels, models.Model):
    """A person of an eligible delegation nominated by its focal point for a funded place."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting decision")
        FUNDED = "funded", _("Funded")
        DECLINED = "declined", _("Declined")

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="nominations")
    registration = models.ForeignKey(
        "delegations.Registration", on_delete=models.CASCADE, related_name="funding_nominations"
    )
    delegation = models.ForeignKey("delegations.Delegation", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="funding_nominations")
    estimated_cost = models.DecimalField(_("estimated cost"), max_digits=12, decimal_places=2)
    justification = models.TextField(_("justification"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    amount = models.DecimalField(_("amount funded"), max_digits=12, decimal_places=2, null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("nominated by")
    )
    nominated_at = models.DateTimeField(_("nominated at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("funding nomination")
        verbose_name_plural = _("funding nominations")
        ordering = ["delegation__name", "nominated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "person"], name="funding_one_nomination_per_person"),
            models.CheckConstraint(condition=Q(estimated_cost__gt=0), name="funding_estimated_cost_positive"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="funding_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(state="funded") | Q(amount__isnull=False), name="funding_funded_has_amount"
            ),
        ]
        indexes = [models.Index(fields=["call", "state"], name="funding_nomination_state")]

    def __str__(self) -> str:
        return f"{self.person} · {self.call}"
