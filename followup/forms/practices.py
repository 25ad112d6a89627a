"""The practices' forms: the submitter's form with its partners' formset, the Chair's office's review
form, and the public repository's filters (django-filter, like delegations.filters)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from followup.models import PartnerKind, Practice, PracticeDocument, Recommendation, Theme
from followup.selectors import practices as selectors
from followup.selectors.practices_search import search_practices
from followup.services import practices as services
from gfmd import languages
from papers.forms import DocumentField
from papers.models import Paper
from roundtables.models import Meeting, Session

LANGUAGE_CHOICES = list(languages.NAMES.items())
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CountryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PracticeForm(forms.Form):
    """What the submitter writes. The texts in the chosen language are required; the other two
    languages are optional (the Chair's office may fill them)."""

    language = forms.ChoiceField(
        label=_("Language you write in"),
        choices=LANGUAGE_CHOICES,
        help_text=_("The title and summary are required in this language; the other languages are optional."),
    )
    submitter_kind = forms.ChoiceField(
        label=_("You submit for a"), choices=Practice.SubmitterKind.choices, widget=forms.RadioSelect
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    delegation = forms.ModelChoiceField(
        label=_("Your delegation"),
        queryset=Delegation.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("The delegation you are registered with, if you submit on its behalf."),
    )
    countries = CountryChoiceField(
        label=_("Countries involved"),
        queryset=Delegation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = ThemeChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    period_start = forms.DateField(label=_("Started on"), required=False, widget=DATE)
    period_end = forms.DateField(
        label=_("Ended on"), required=False, widget=DATE, help_text=_("Leave empty if the practice is ongoing.")
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args, user, practice: Practice | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice
        for name in services.TEXT_FIELDS:
            for code, language_name in languages.NAMES.items():
                label = {
                    "title": _("Title (%(language)s)"),
                    "summary": _("Summary (%(language)s)"),
                    "results": _("Results (%(language)s)"),
                }[name] % {"language": language_name}
                if name == "title":
                    field = forms.CharField(label=label, max_length=300, required=False)
                else:
                    field = forms.CharField(
                        label=label,
                        required=False,
                        widget=forms.Textarea(attrs={"rows": 5 if name == "summary" else 4}),
                    )
                self.fields[f"{name}_{code}"] = field
        for index in range(1, services.MAX_LINKS + 1):
            self.fields[f"link_{index}"] = forms.CharField(
                label=_("Link %(n)s") % {"n": index},
                required=False,
                max_length=services.MAX_LINK_LENGTH,
                widget=forms.URLInput(attrs={"placeholder": "https://"}),
            )
        kept = practice.documents.count() if practice is not None else 0
        for index in range(1, services.MAX_DOCUMENTS - kept + 1):
            self.fields[f"document_{index}"] = DocumentField(label=_("Document %(n)s") % {"n": index}, required=False)
        if practice is not None and kept:
            self.fields["remove_documents"] = forms.ModelMultipleChoiceField(
                label=_("Remove these documents"),
                queryset=PracticeDocument.objects.filter(practice=practice),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields["remove_documents"].label_from_instance = lambda doc: doc.original_name
        self.fields["delegation"].queryset = services.user_delegations(user).order_by("name")
        self.fields["countries"].queryset = selectors.state_delegations().order_by("region", "name")
        for name in ("countries", "themes"):
            self.fields[name].widget.attrs["class"] = "form-check-input"

    @classmethod
    def initial_for(cls, practice: Practice) -> dict:
        initial = {
            "language": practice.language,
            "submitter_kind": practice.submitter_kind,
            "organisation": practice.organisation,
            "delegation": practice.delegation_id,
            "countries": [c.pk for c in practice.countries.all()],
            "themes": [t.pk for t in practice.themes.all()],
            "period_start": practice.period_start,
            "period_end": practice.period_end,
            "contact_name": practice.contact_name,
            "contact_email": practice.contact_email,
        }
        for name in services.TEXT_FIELDS:
            for code in languages.CODES:
                initial[f"{name}_{code}"] = getattr(practice, f"{name}_{code}") or ""
        for index, link in enumerate(practice.links[: services.MAX_LINKS], start=1):
            initial[f"link_{index}"] = link
        return initial

    def clean(self):
        data = super().clean()
        for index in range(1, services.MAX_LINKS + 1):
            value = (data.get(f"link_{index}") or "").strip()
            if value:
                try:
                    data[f"link_{index}"] = services.clean_link(value)
                except forms.ValidationError as error:
                    self.add_error(f"link_{index}", error)
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The practice cannot end before it started: check the two dates."))
        return data

    # For the template: the text fields by language, the links, the documents, the countries by region.
    def text_fields(self, code: str) -> list:
        return [self[f"{name}_{code}"] for name in services.TEXT_FIELDS]

    def language_blocks(self):
        """(code, name, its three fields, open?) for each working language."""
        chosen = self["language"].value() or languages.DEFAULT
        blocks = []
        for code, name in languages.NAMES.items():
            fields = self.text_fields(code)
            is_open = code == chosen or any(field.value() or field.errors for field in fields)
            blocks.append((code, name, fields, is_open))
        return blocks

    def link_fields(self) -> list:
        return [self[f"link_{index}"] for index in range(1, services.MAX_LINKS + 1)]

    def document_fields(self) -> list:
        return [self[name] for name in self.fields if name.startswith("document_")]

    def country_groups(self) -> list[tuple[str, list, int]]:
        """(region, its checkboxes, how many are ticked): the checkboxes grouped by region."""
        labels = dict(Delegation.Region.choices)
        groups: dict[str, list] = {}
        chosen = {str(value) for value in (self["countries"].value() or [])}
        for option in self["countries"]:
            region = option.data["value"].instance.region or ""
            groups.setdefault(region, []).append(option)
        return [
            (
                str(labels.get(region, _("Other"))),
                options,
                sum(1 for o in options if str(o.data["value"]) in chosen),
            )
            for region, options in groups.items()
        ]

    def practice_input(self, partners: list[tuple[str, str]]) -> services.PracticeInput:
        data = self.cleaned_data
        return services.PracticeInput(
            texts={
                name: {code: data.get(f"{name}_{code}", "") for code in languages.CODES}
                for name in services.TEXT_FIELDS
            },
            language=data["language"],
            submitter_kind=data["submitter_kind"],
            organisation=data["organisation"],
            delegation=data.get("delegation"),
            countries=list(data.get("countries") or []),
            themes=list(data.get("themes") or []),
            partners=partners,
            period_start=data.get("period_start"),
            period_end=data.get("period_end"),
            contact_name=data.get("contact_name", ""),
            contact_email=data.get("contact_email", ""),
            links=[data[f"link_{i}"] for i in range(1, services.MAX_LINKS + 1) if data.get(f"link_{i}")],
            files=[data[name] for name in self.fields if name.startswith("document_") and data.get(name)],
        )


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Partner's name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "---------"), *PartnerKind.choices], required=False)

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("kind"):
            self.add_error("kind", _("Say what kind of organisation the partner is."))
        if data.get("kind") and not data.get("name"):
            self.add_error("name", _("Give the partner's name."))
        return data


def partner_formset(data=None, *, initial=None):
    """Up to MAX_PARTNERS rows: the filled ones and two empty ones (at least three), without JavaScript."""
    filled = len(initial or [])
    if data is not None:
        try:
            filled = int(data.get("partners-TOTAL_FORMS", 0))
        except (TypeError, ValueError):
            filled = 0
        extra = 0
    else:
        extra = max(3 - filled, 2)
    extra = min(extra, max(services.MAX_PARTNERS - filled, 0))
    formset_class = forms.formset_factory(
        PartnerForm,
        extra=extra,
        max_num=services.MAX_PARTNERS,
        absolute_max=services.MAX_PARTNERS,
        validate_max=True,
    )
    return formset_class(data, initial=initial, prefix="partners")


def partners_of(formset) -> list[tuple[str, str]]:
    return [
        (form.cleaned_data["name"].strip(), form.cleaned_data["kind"])
        for form in formset.forms
        if form.cleaned_data.get("name")
    ]


# -- The Chair's office ---------------------------------------------------------------------------


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.meeting.start_date.year} · {obj.code} {obj.title}"


class PaperChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.session.meeting.start_date.year} · {obj.session.code} · {obj.title}"


class RecommendationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        text = obj.text or ""
        return f"{obj.identifier}: {text[:120]}{'…' if len(text) > 120 else ''}"


class ReviewForm(forms.Form):
    """Translations and links. The links offered: those already made, and the chosen meeting's sessions,
    published papers and published recommendations (a bounded list: one meeting at a time)."""

    sessions = SessionChoiceField(
        label=_("Presented in sessions"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    papers = PaperChoiceField(
        label=_("Cited by published papers"),
        queryset=Paper.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    recommendations = RecommendationChoiceField(
        label=_("Answers published recommendations"),
        queryset=Recommendation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, practice: Practice, meeting: Meeting | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice
        for name in services.TEXT_FIELDS:
            for code, language_name in languages.NAMES.items():
                label = {
                    "title": _("Title (%(language)s)"),
                    "summary": _("Summary (%(language)s)"),
                    "results": _("Results (%(language)s)"),
                }[name] % {"language": language_name}
                widget = forms.TextInput if name == "title" else forms.Textarea(attrs={"rows": 4})
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=label, required=False, max_length=300 if name == "title" else None, widget=widget
                )
        in_meeting = Q(meeting=meeting) if meeting is not None else Q(pk__in=[])
        self.fields["sessions"].queryset = (
            Session.objects.filter(in_meeting | Q(practices=practice))
            .distinct()
            .select_related("meeting")
            .order_by("-meeting__number", "code")
        )
        paper_meeting = Q(session__meeting=meeting) if meeting is not None else Q(pk__in=[])
        self.fields["papers"].queryset = (
            Paper.objects.published()
            .filter(paper_meeting | Q(practices=practice))
            .distinct()
            .select_related("session__meeting")
            .order_by("-session__meeting__number", "session__code", "pk")
        )
        rec_meeting = Q(outcome__session__meeting=meeting) if meeting is not None else Q(pk__in=[])
        self.fields["recommendations"].queryset = (
            Recommendation.objects.published()
            .filter(rec_meeting | Q(practices=practice))
            .distinct()
            .select_related("outcome__session__meeting")
            .order_by("-outcome__session__meeting__number", "outcome__session__code", "number")
        )

    @staticmethod
    def initial_for(practice: Practice) -> dict:
        initial = {
            "sessions": [s.pk for s in practice.sessions.all()],
            "papers": [p.pk for p in practice.papers.all()],
            "recommendations": [r.pk for r in practice.recommendations.all()],
        }
        for name in services.TEXT_FIELDS:
            for code in languages.CODES:
                initial[f"{name}_{code}"] = getattr(practice, f"{name}_{code}") or ""
        return initial

    def texts(self) -> dict:
        return {
            name: {code: self.cleaned_data.get(f"{name}_{code}", "") for code in languages.CODES}
            for name in services.TEXT_FIELDS
        }

    def all_language_sections(self):
        return [
            (code, name, [self[f"{field}_{code}"] for field in services.TEXT_FIELDS])
            for code, name in languages.NAMES.items()
        ]


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mailed to the submitter. Required to return the practice for changes."),
    )


# -- The public repository's filters -----------------------------------------------------------------


class PracticeFilter(django_filters.FilterSet):
    """The repository's filters; the export applies the same ones."""

    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), empty_label=_("All themes")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Delegation.Region.choices, empty_label=_("All regions"), method="in_region"
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Delegation.objects.none(), empty_label=_("All countries"), method="with_country"
    )
    partner_kind = django_filters.ChoiceFilter(
        label=_("Partner"), choices=PartnerKind.choices, empty_label=_("All kinds of partner"), method="with_partner"
    )
    submitter_kind = django_filters.ChoiceFilter(
        label=_("Submitted by"), choices=Practice.SubmitterKind.choices, empty_label=_("Anyone")
    )
    # From a session's or a recommendation's page ("see all"): one object by its id, in a hidden field.
    session = django_filters.ModelChoiceFilter(
        label=_("Session"), field_name="sessions", queryset=Session.objects.all(), widget=forms.HiddenInput
    )
    recommendation = django_filters.ModelChoiceFilter(
        label=_("Recommendation"),
        field_name="recommendations",
        queryset=Recommendation.objects.published().select_related("outcome__session__meeting"),
        widget=forms.HiddenInput,
    )
    # Last: the search orders the filtered practices by relevance.
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = Practice
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["country"].queryset = selectors.countries_in_use()
        self.filters["country"].field.label_from_instance = lambda obj: obj.display_name
        self.filters["theme"].field.label_from_instance = lambda obj: obj.name
        for name, field in self.form.fields.items():
            if name == "q":
                field.widget = forms.SearchInput(attrs={"maxlength": 200})
                field.widget.attrs["class"] = "form-control"
            elif name not in ("session", "recommendation"):
                field.widget.attrs.setdefault("class", "form-select")

    # Subqueries rather than joins: a practice in three African countries is listed once.
    def in_region(self, queryset, name, value):
        through = Practice.countries.through
        return queryset.filter(pk__in=through.objects.filter(delegation__region=value).values("practice_id"))

    def with_country(self, queryset, name, value):
        through = Practice.countries.through
        return queryset.filter(pk__in=through.objects.filter(delegation=value).values("practice_id"))

    def with_partner(self, queryset, name, value):
        return queryset.filter(selectors.partner_kinds_filter(value))

    def search(self, queryset, name, value):
        return search_practices(queryset, value)

    def chosen(self, name: str):
        """The session or recommendation the list is narrowed to (from its page's link), or None."""
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get(name)
        return None

    @property
    def searching(self) -> str:
        return (self.form.cleaned_data.get("q") or "").strip() if self.is_bound and self.form.is_valid() else ""
