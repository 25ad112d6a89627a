"""The public lists' filters (django-filter). A bad value is a 400 naming the parameter
(DjangoFilterBackend raises the form's errors); an unknown parameter is refused by api.base."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from followup.models import Practice, Recommendation, Theme
from gfmd import languages
from outcomes.models import Outcome
from papers.models import Paper
from papers.selectors import in_language
from roundtables.models import Meeting

LANGUAGE_CHOICES = [(code, languages.NAMES[code]) for code in languages.CODES]


MODIFIED_SINCE_HELP = _("Only rows changed at or after this moment (ISO 8601, e.g. 2010-11-08T09:00:00Z).")


def _modified_since():
    return django_filters.IsoDateTimeFilter(method="filter_modified_since", help_text=MODIFIED_SINCE_HELP)


class MeetingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=[c for c in Meeting.Status.choices if c[0] != Meeting.Status.PLANNING],
        help_text=_("The meeting's status."),
    )

    class Meta:
        model = Meeting
        fields = ["status"]


class PaperFilter(django_filters.FilterSet):
    meeting = django_filters.NumberFilter(field_name="session__meeting__number", help_text=_("A meeting's number."))
    session = django_filters.NumberFilter(field_name="session_id", help_text=_("A session's id."))
    kind = django_filters.ChoiceFilter(choices=Paper.Kind.choices)
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="filter_language",
        help_text=_("Papers readable in this language (written in it or translated); also the language of the answer."),
    )
    modified_since = _modified_since()

    class Meta:
        model = Paper
        fields = ["meeting", "session", "kind", "language", "modified_since"]

    def filter_language(self, queryset, name, value):
        return in_language(queryset, value)

    def filter_modified_since(self, queryset, name, value):
        return queryset.filter(updated_at__gte=value)


class OutcomeFilter(django_filters.FilterSet):
    meeting = django_filters.NumberFilter(field_name="session__meeting__number", help_text=_("A meeting's number."))
    session = django_filters.NumberFilter(field_name="session_id", help_text=_("A session's id."))
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="filter_nothing",
        help_text=_("The language to read the outcomes in (the original, marked, where no translation is published)."),
    )
    modified_since = _modified_since()

    class Meta:
        model = Outcome
        fields = ["meeting", "session", "language", "modified_since"]

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_modified_since(self, queryset, name, value):
        return queryset.filter(Q(published_at__gte=value) | Q(translations_published_at__gte=value))


@extend_schema_field(OpenApiTypes.STR)
class ThemeFilter(django_filters.ModelChoiceFilter):
    """A theme by its short name."""


class _ThemeFilterMixin(django_filters.FilterSet):
    theme = ThemeFilter(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        help_text=_("A theme's short name (e.g. migration-data)."),
    )

    def filter_theme(self, queryset, name, value):
        from api.selectors import with_theme

        return with_theme(queryset, queryset.model.themes.through, value)

    def filter_modified_since(self, queryset, name, value):
        return queryset.filter(updated_at__gte=value)

    def filter_nothing(self, queryset, name, value):
        return queryset


class RecommendationFilter(_ThemeFilterMixin):
    meeting = django_filters.NumberFilter(
        field_name="outcome__session__meeting__number", help_text=_("A meeting's number.")
    )
    status = django_filters.ChoiceFilter(choices=Recommendation.Status.choices)
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES, method="filter_nothing", help_text=_("The language to read the texts in.")
    )
    modified_since = _modified_since()

    class Meta:
        model = Recommendation
        fields = ["meeting", "theme", "status", "language", "modified_since"]


class PracticeFilter(_ThemeFilterMixin):
    meeting = django_filters.NumberFilter(
        method="filter_meeting", help_text=_("Presented at this meeting (its number).")
    )
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES, method="filter_nothing", help_text=_("The language to read the texts in.")
    )
    modified_since = _modified_since()

    class Meta:
        model = Practice
        fields = ["meeting", "theme", "language", "modified_since"]

    def filter_meeting(self, queryset, name, value):
        from django.db.models import Exists, OuterRef

        through = Practice.sessions.through
        return queryset.filter(Exists(through.objects.filter(practice=OuterRef("pk"), session__meeting__number=value)))


class LanguageOnlyFilter(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES, method="filter_nothing", help_text=_("The language of the answer.")
    )

    def filter_nothing(self, queryset, name, value):
        return queryset
