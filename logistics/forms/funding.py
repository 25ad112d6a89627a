"""funding: forms. They parse and keep what was typed; the rules and their messages are the services'."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delegations.models import Delegation
from delegations.selectors import delegations_named, fold
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput, TranslatedFieldsMixin
from logistics.models.funding import COUNTRY_GROUPS, COVERS, FundingCall, FundingNomination
from logistics.services.funding import MAX_DELEGATIONS

MONEY_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}


class CallForm(TranslatedFieldsMixin, forms.Form):
    translated_fields = ("title", "description")

    covers = forms.MultipleChoiceField(
        label=gettext_lazy("What a funded place covers"),
        choices=list(COVERS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    covers_other = forms.CharField(
        label=gettext_lazy("Also covered"), required=False, max_length=300, help_text=gettext_lazy("Optional.")
    )
    eligibility = forms.ChoiceField(
        label=gettext_lazy("Who is eligible"),
        choices=FundingCall.Eligibility.choices,
        widget=forms.RadioSelect,
    )
    country_group = forms.ChoiceField(label=gettext_lazy("Group of countries"), required=False)
    delegation_names = forms.CharField(
        label=gettext_lazy("Eligible delegations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One state per line, by its name or country (e.g. Ghana, Nepal, Haïti)."),
    )
    budget = forms.CharField(label=gettext_lazy("Budget"), max_length=20, widget=forms.TextInput(attrs=MONEY_ATTRS))
    currency = forms.ChoiceField(label=gettext_lazy("Currency"), choices=FundingCall.Currency.choices)
    cost_per_place = forms.CharField(
        label=gettext_lazy("Estimated cost of one funded place"),
        max_length=20,
        widget=forms.TextInput(attrs=MONEY_ATTRS),
        help_text=gettext_lazy("What focal points are offered as the estimate; they may change it per person."),
    )
    max_nominations = forms.IntegerField(
        label=gettext_lazy("Nominations per delegation"), min_value=1, max_value=50, initial=2
    )
    deadline = forms.DateTimeField(
        label=gettext_lazy("Nomination deadline"),
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated("title", gettext_lazy("Title"), max_length=200)
        self.add_translated(
            "description",
            gettext_lazy("Description"),
            required=False,
            max_length=5000,
            widget=lambda: forms.Textarea(attrs={"rows": 4}),
        )
        self.fields["country_group"].choices = [("", _("(choose a group)"))] + [
            (key, label) for key, (label, _codes, _region) in COUNTRY_GROUPS.items()
        ]
        self.fields["deadline"].help_text = _("Local time in %(city)s (%(zone)s).") % {
            "city": meeting.city,
            "zone": meeting.time_zone,
        }
        # The fields in the order of the page.
        order = [f"title_{c}" for c in ("en", "fr", "es")] + [f"description_{c}" for c in ("en", "fr", "es")]
        self.order_fields(order)

    @staticmethod
    def initial_of(call: FundingCall) -> dict:
        initial = {
            "covers": call.covers,
            "covers_other": call.covers_other,
            "eligibility": call.eligibility,
            "country_group": call.country_group,
            "delegation_names": "\n".join(d.display_name for d in call.delegations.order_by("name")),
            "budget": call.budget,
            "currency": call.currency,
            "cost_per_place": call.cost_per_place,
            "max_nominations": call.max_nominations,
            "deadline": call.deadline,
        }
        for base in ("title", "description"):
            for code in ("en", "fr", "es"):
                initial[f"{base}_{code}"] = getattr(call, f"{base}_{code}")
        return initial

    def clean_delegation_names(self) -> list[Delegation]:
        lines = [" ".join(line.split()) for line in self.cleaned_data.get("delegation_names", "").splitlines()]
        lines = [line for line in dict.fromkeys(lines) if line]
        if len(lines) > MAX_DELEGATIONS:
            raise forms.ValidationError(_("Name at most %(count)s delegations.") % {"count": MAX_DELEGATIONS})
        found, unknown, several = [], [], []
        for line in lines:
            matches = [d for d in delegations_named(line[:200]).delegations if d.kind == Delegation.Kind.STATE]
            exact = [d for d in matches if fold(line) in (fold(d.name), fold(d.display_name), fold(str(d.country)))]
            if len(exact) == 1 or len(matches) == 1:
                found.append((exact or matches)[0])
            elif matches:
                several.append(line)
            else:
                unknown.append(line)
        errors = []
        if unknown:
            errors.append(
                _("No state delegation is named %(names)s.") % {"names": ", ".join(f"“{n}”" for n in unknown)}
            )
        if several:
            errors.append(
                _("Several delegations match %(names)s: write the full name.")
                % {"names": ", ".join(f"“{n}”" for n in several)}
            )
        if errors:
            raise forms.ValidationError(errors)
        return list({d.pk: d for d in found}.values())

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": self.translated("title"),
            "description": self.translated("description"),
            "covers": data["covers"],
            "covers_other": data["covers_other"],
            "eligibility": data["eligibility"],
            "country_group": data["country_group"],
            "delegations": data["delegation_names"],
            "budget": data["budget"],
            "currency": data["currency"],
            "cost_per_place": data["cost_per_place"],
            "max_nominations": data["max_nominations"],
            "deadline": data["deadline"],
        }


class NominationForm(forms.Form):
    registration = forms.ChoiceField(label=gettext_lazy("Person"))
    estimated_cost = forms.CharField(
        label=gettext_lazy("Estimated cost"), max_length=20, widget=forms.TextInput(attrs=MONEY_ATTRS)
    )
    justification = forms.CharField(
        label=gettext_lazy("Why fund this person's participation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, registrations, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = {str(r.pk): r for r in registrations}
        self.fields["registration"].choices = [("", _("(choose a person)"))] + [
            (key, f"{r.person.display_name} · {r.get_role_display()} · {r.get_status_display()}")
            for key, r in self.registrations.items()
        ]
        self.fields["registration"].help_text = _(
            "People registered for the meeting with your delegation (approved or pending), not yet nominated."
        )
        self.fields["estimated_cost"].label = _("Estimated cost (%(currency)s)") % {"currency": currency}

    def chosen_registration(self):
        return self.registrations.get(self.cleaned_data.get("registration") or "")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("fund", gettext_lazy("Fund")), ("decline", gettext_lazy("Decline"))],
        widget=forms.RadioSelect,
    )
    amount = forms.CharField(
        label=gettext_lazy("Amount funded"), required=False, max_length=20, widget=forms.TextInput(attrs=MONEY_ATTRS)
    )
    reason = forms.CharField(
        label=gettext_lazy("Note or reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required to decline. Mailed to the person and their focal point."),
    )

    def __init__(self, *args, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].label = _("Amount funded (%(currency)s)") % {"currency": currency}


class NominationFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("All")), *list(FundingNomination.State.choices)],
    )

    def value(self) -> str:
        return self.cleaned_data.get("state", "") if self.is_valid() else ""
