from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from delegations.models import Delegation, FocalPoint, Registration
from delegations.selectors import DELEGATION_MATCHES, DelegationMatches, delegations_named, fold
from gfmd import languages
from roundtables.models import Session


class RegistrationForm(forms.Form):
    """Registering (or changing one's registration) for the current meeting.

    The delegation is typed, not chosen from a list of every delegation: `delegation_name` is what the
    person typed, `delegation` the one they chose among the (at most ten) matches, as radio buttons
    that the page fills as they type (htmx) or that the form shows when sent without a choice."""

    delegation_name = forms.CharField(
        label=_("Delegation"),
        max_length=200,
        required=False,
        help_text=_(
            "Type part of the name of the state, observer organisation or civil-society organisation you attend "
            "with (for a state, the country's name), then choose it among the matches."
        ),
    )
    # Never drawn by its widget (that would list every delegation): the template draws the matches.
    delegation = forms.ModelChoiceField(
        label=_("Matching delegations"),
        queryset=Delegation.objects.active(),
        required=False,
        error_messages={
            "invalid_choice": _("This delegation cannot be chosen: type its name and choose it among the matches.")
        },
    )
    role = forms.ChoiceField(
        label=_("Role in the delegation"), choices=Registration.Role.choices, widget=forms.RadioSelect
    )
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    sessions = forms.ModelMultipleChoiceField(label=_("Sessions"), queryset=Session.objects.none(), required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wheelchair access, sign language interpretation, large print…"),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), max_length=300, required=False, help_text=_("Vegetarian, halal, allergies…")
    )
    visa_letter_needed = forms.BooleanField(label=_("I need a visa support letter"), required=False)
    public_list_consent = forms.BooleanField(
        label=_("List my name, job title and delegation in the public list of participants"), required=False
    )

    def __init__(self, *args, sessions, fixed_delegation=None, fixed_role=None, **kwargs):
        """`sessions`: the meeting's sessions annotated with seats_taken (sessions_with_seats).
        A fixed delegation or role (an invitation, or an approved registration) is shown, not asked."""
        super().__init__(*args, **kwargs)
        self.session_list = list(sessions)
        self.fields["sessions"].queryset = Session.objects.filter(pk__in=[s.pk for s in self.session_list])
        self.fixed_delegation = fixed_delegation
        self.fixed_role = fixed_role
        if fixed_delegation is not None:
            del self.fields["delegation"]
            del self.fields["delegation_name"]
        elif not self.is_bound and self.chosen_delegation is not None:
            self.initial["delegation_name"] = self.chosen_delegation.display_name
        if fixed_role is not None:
            del self.fields["role"]
            if fixed_role != Registration.Role.HEAD:
                # Heads-only sessions are not offered at all to someone who cannot be head.
                self.session_list = [s for s in self.session_list if not s.heads_only]

    def clean(self):
        cleaned = super().clean()
        if "delegation" not in self.fields or self.has_error("delegation") or cleaned.get("delegation"):
            return cleaned
        matches = self.delegation_matches
        if not matches.query:
            self.add_error("delegation", _("Type the name of your delegation, then choose it among the matches."))
        elif not matches.searched:
            self.add_error("delegation", _("Type at least two letters of your delegation's name."))
        elif (exact := self._exact_match()) is not None:
            cleaned["delegation"] = exact
        elif matches.delegations:
            self.add_error("delegation", _("Choose your delegation among the matches."))
        else:
            self.add_error(
                "delegation",
                _("No delegation matches “%(name)s”. Type part of its name, or for a state the country's name.")
                % {"name": matches.query},
            )
        return cleaned

    def _exact_match(self) -> Delegation | None:
        """The one match whose name is exactly what was typed (case and accents aside): taken as chosen."""
        typed = fold(self.delegation_matches.query)
        exact = [
            delegation
            for delegation in self.delegation_matches.delegations
            if typed in (fold(delegation.name), fold(delegation.display_name))
        ]
        return exact[0] if len(exact) == 1 else None

    @cached_property
    def delegation_matches(self) -> DelegationMatches:
        """The delegations matching the name typed (none before the form is sent)."""
        if not self.is_bound or "delegation_name" not in self.fields:
            return DelegationMatches(query="")
        return delegations_named(self.data.get(self.add_prefix("delegation_name"), ""))

    @cached_property
    def chosen_delegation(self) -> Delegation | None:
        """The delegation chosen: the one sent (once valid), or the one the person had before."""
        if self.is_bound:
            return getattr(self, "cleaned_data", {}).get("delegation")
        initial = self.initial.get("delegation")
        if initial is None or isinstance(initial, Delegation):
            return initial
        return Delegation.objects.active().filter(pk=initial).only("pk", "name", "kind", "country").first()

    def delegation_errors(self) -> list:
        """What is wrong with the delegation, shown next to the name typed."""
        return [*self.errors.get("delegation_name", []), *self.errors.get("delegation", [])]

    def delegation_choices(self) -> list[Delegation]:
        """The radio buttons to draw: the chosen delegation, then the matches of the name typed (at most ten)."""
        chosen = self.chosen_delegation
        others = [d for d in self.delegation_matches.delegations if chosen is None or d.pk != chosen.pk]
        return ([chosen] if chosen is not None else []) + others[: DELEGATION_MATCHES - (chosen is not None)]

    @property
    def chosen_role(self) -> str:
        if self.fixed_role is not None:
            return self.fixed_role
        return self["role"].value() or Registration.Role.DELEGATE

    def session_groups(self) -> list[dict]:
        """The sessions to tick: by roundtable, then the plenaries and other sessions, then the
        heads-only sessions (last, so that hiding them leaves no gap); each with its seats."""
        chosen = {str(value) for value in (self["sessions"].value() or [])}
        initially_chosen = {str(value) for value in (self.initial.get("sessions") or [])}
        groups: dict[tuple, dict] = {}
        for session in self.session_list:
            if session.heads_only:
                key, title = (2, 0, 0), _("Heads of delegation only")
            elif session.roundtable_id:
                roundtable = session.roundtable
                key, title = (0, roundtable.order, roundtable.number), str(roundtable)
            else:
                key, title = (1, 0, 0), _("Plenaries, special sessions and Civil Society Days")
            group = groups.setdefault(key, {"title": title, "heads_only": key[0] == 2, "options": []})
            seats_left = None if session.capacity is None else max(session.capacity - session.seats_taken, 0)
            # A seat this registration already holds is not counted against it.
            if seats_left is not None and str(session.pk) in initially_chosen:
                seats_left += 1
            group["options"].append(
                {
                    "session": session,
                    "id": f"id_sessions_{session.pk}",
                    "checked": str(session.pk) in chosen,
                    "seats_left": seats_left,
                    "full": seats_left == 0,
                }
            )
        return [groups[key] for key in sorted(groups)]


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(DecisionForm):
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The participant receives this reason by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        # Shown beside the withdraw form, whose field has the same name: ids must stay unique on the page.
        kwargs.setdefault("auto_id", "id_reject_%s")
        super().__init__(*args, **kwargs)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Registration.Role.choices, initial=Registration.Role.DELEGATE)


class QuotaForm(forms.Form):
    places = forms.IntegerField(
        label=_("Places for this meeting"),
        min_value=0,
        required=False,
        help_text=_("Leave empty for no limit."),
    )


class BulkApproveForm(forms.Form):
    registrations = forms.ModelMultipleChoiceField(queryset=Registration.objects.none())

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = pending
        self.fields["registrations"].error_messages["required"] = _("Tick the registrations to approve.")


class DelegationForm(forms.Form):
    """The Chair's office's form of a delegation. `version` is the delegation's version when the
    form was read: a save on an older version is refused (services.delegation_update)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Delegation.Kind.choices)
    country = LazyTypedChoiceField(
        label=_("Country"),
        choices=[("", _("— none —")), *countries],
        required=False,
        help_text=_("Required for a state: one delegation per state."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Required for an organisation; a state without a name is named after its country."),
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("— none —")), *Delegation.Region.choices], required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=list(languages.NAMES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The Forum's languages the delegation works in."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def initial_of(cls, delegation: Delegation) -> dict:
        return {
            "languages": list(delegation.languages),
            "kind": delegation.kind,
            "country": delegation.country.code or "",
            "name": delegation.name,
            "region": delegation.region,
            "version": delegation.version,
        }

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Delegation.objects.none(),
        empty_label=_("Choose the delegation to keep"),
        help_text=_("The delegation that stays; the duplicate's records move to it and the duplicate is deleted."),
    )

    def __init__(self, *args, source: Delegation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Delegation.objects.active().filter(kind=source.kind).exclude(pk=source.pk)


class MembershipForm(forms.Form):
    """A delegation's Steering Group and Friends of the Forum membership for one meeting."""

    steering_group = forms.BooleanField(label=_("Steering Group member"), required=False)
    friends_of_the_forum = forms.BooleanField(label=_("Friends of the Forum member"), required=False)


class NominationForm(forms.Form):
    """Nominate a focal point of a delegation for a meeting, by e-mail (optionally replacing one)."""

    email = forms.EmailField(
        label=_("E-mail address of the focal point"),
        help_text=_("They receive a link to accept; a person is focal point of one delegation per meeting."),
    )
    replaces = forms.ModelChoiceField(
        label=_("Replaces"),
        queryset=FocalPoint.objects.none(),
        required=False,
        empty_label=_("Nobody: an additional focal point"),
        help_text=_("Once accepted, the replaced focal point's role ends; pending registrations wait for the new one."),
    )

    def __init__(self, *args, focal_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        if focal_points is not None:
            self.fields["replaces"].queryset = focal_points
            self.fields["replaces"].label_from_instance = lambda row: f"{row.user.display_name} <{row.user.email}>"
