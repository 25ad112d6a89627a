"""The filters of the registrations list (and of its exports, which apply the same ones)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation, MeetingMembership, Registration
from delegations.selectors import delegation_name_matches, delegations_visible_to
from roundtables.models import Session

YES_NO = [("true", _("Yes")), ("false", _("No"))]


class RegistrationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    # One delegation by its id (the delegation page's link), carried in a hidden field: a select
    # offering every delegation would grow with the Forum (2,000 options at ten times its size).
    delegation = django_filters.ModelChoiceFilter(
        label=_("Delegation"), queryset=Delegation.objects.none(), widget=forms.HiddenInput
    )
    # Delegations by name, typed: the bounded way to choose among all of them.
    delegation_name = django_filters.CharFilter(label=_("Delegation"), method="search_delegation")
    session = django_filters.ModelChoiceFilter(
        label=_("Session"), field_name="sessions", queryset=Session.objects.none(), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Registration.Status.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="delegation__kind", choices=Delegation.Kind.choices, empty_label=_("All")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="delegation__region", choices=Delegation.Region.choices, empty_label=_("All")
    )
    steering_group = django_filters.ChoiceFilter(
        label=_("Steering Group"),
        field_name="steering_group",
        choices=YES_NO,
        empty_label=_("All"),
        method="yes_no",
    )
    friends_of_the_forum = django_filters.ChoiceFilter(
        label=_("Friends of the Forum"),
        field_name="friends_of_the_forum",
        choices=YES_NO,
        empty_label=_("All"),
        method="yes_no",
    )

    class Meta:
        model = Registration
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, request=None, meeting=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        # The delegation filter offers only the delegations the user manages: naming another
        # one is an invalid choice, not a way to read its registrations.
        # kind and country too: the choices are labelled by display_name (no query per choice).
        visible = (
            delegations_visible_to(request.user, meeting=meeting).order_by("name").only("pk", "name", "kind", "country")
        )
        self.filters["delegation"].queryset = visible
        self.filters["session"].queryset = (
            Session.objects.filter(meeting=meeting).order_by("starts_at", "order", "code")
            if meeting is not None
            else Session.objects.none()
        )
        self.form.fields["q"].widget = forms.SearchInput(attrs={"placeholder": _("Name, e-mail or job title")})
        self.form.fields["delegation_name"].widget = forms.SearchInput(
            attrs={"placeholder": _("Name of the delegation")}
        )
        for name, field in self.form.fields.items():
            if name in ("q", "delegation_name"):
                field.widget.attrs.setdefault("class", "form-control form-control-sm")
            elif name != "delegation":
                field.widget.attrs.setdefault("class", "form-select form-select-sm")

    def yes_no(self, queryset, name, value):
        # Membership is per meeting: the registration's delegation in the registration's meeting.
        member = Exists(
            MeetingMembership.objects.filter(
                delegation=OuterRef("delegation"), meeting=OuterRef("meeting"), **{name: True}
            )
        )
        return queryset.filter(member if value == "true" else ~member)

    def search_delegation(self, queryset, name, value):
        # By the stored name, or by a state's country as the reader reads it ("Maroc" in French).
        return queryset.filter(delegation_name_matches(value, prefix="delegation__"))

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(person__first_name__icontains=word)
                | Q(person__last_name__icontains=word)
                | Q(person__email__icontains=word)
                | Q(job_title__icontains=word)
                | Q(delegation__name__icontains=word)
            )
        return queryset


class DelegationFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All")), *Delegation.Kind.choices], required=False)
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("active", _("Active")), ("retired", _("Retired")), ("all", _("All"))],
        required=False,
    )
