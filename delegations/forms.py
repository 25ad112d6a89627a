import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from delegations.models import Delegation, FocalPoint, Registration
from gfmd import languages
from roundtables.models import Session


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def grouped_delegation_choices() -> list:
    """Delegations in one query, grouped by kind for the select's <optgroup>s."""
    groups: dict[str, list] = {kind: [] for kind in Delegation.Kind.values}
    for delegation in Delegation.objects.active().only("pk", "name", "kind", "country"):
        groups[delegation.kind].append((delegation.pk, delegation.display_name))
    # In the reader's language and its alphabetical order ("Allemagne" among the A's), accents aside.
    for choices in groups.values():
        choices.sort(key=lambda choice: _sort_key(choice[1]))
    labels = {
        Delegation.Kind.STATE: _("States"),
        Delegation.Kind.OBSERVER: _("Observer organisations"),
        Delegation.Kind.CIVIL_SOCIETY: _("Civil-society organisations"),
    }
    return [("", _("Choose your delegation")), *((labels[kind], groups[kind]) for kind in groups if groups[kind])]


class RegistrationForm(forms.Form):
    """Registering (or changing one's registration) for the current meeting."""

    delegation = forms.ModelChoiceField(
        label=_("Delegation"),
        queryset=Delegation.objects.active(),
        help_text=_("The state, observer organisation or civil-society organisation you attend with."),
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
        else:
            self.fields["delegation"].choices = grouped_delegation_choices()
        if fixed_role is not None:
            del self.fields["role"]
            if fixed_role != Registration.Role.HEAD:
                # Heads-only sessions are not offered at all to someone who cannot be head.
                self.session_list = [s for s in self.session_list if not s.heads_only]

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
