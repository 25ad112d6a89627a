"""What the public API reads: only what the public pages show. Every queryset starts from the owning
app's public selector and is narrowed to the public meetings (`published_meetings()`: a programme is
published and the meeting is no longer in preparation)."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from delegations.models import Registration
from delegations.selectors import public_participants
from followup.models import Practice, Recommendation
from followup.selectors.practices import public_practices
from followup.selectors.tracker import published_recommendations
from outcomes.models import Outcome, OutcomeSection
from papers.models import Paper
from papers.selectors import published_papers
from roundtables.models import Meeting, ProgrammeRelease
from roundtables.selectors import published_meetings


def public_meetings() -> QuerySet[Meeting]:
    latest = ProgrammeRelease.objects.filter(meeting=OuterRef("pk")).order_by("-version")
    return published_meetings().annotate(
        programme_version=Subquery(latest.values("version")[:1]),
        programme_published_at=Subquery(latest.values("published_at")[:1]),
    )


def _in_public_meeting(path: str) -> dict:
    return {f"{path}__in": published_meetings().values("pk")}


def public_papers() -> QuerySet[Paper]:
    return published_papers().filter(**_in_public_meeting("session__meeting"))


def public_outcomes() -> QuerySet[Outcome]:
    """Published outcomes with every section and its published text (the reader's language is picked
    per row by outcomes.selectors.reading_sections, with no further query)."""
    sections = OutcomeSection.objects.select_related("current_revision", "published_revision").order_by("order")
    return (
        Outcome.objects.published()
        .filter(**_in_public_meeting("session__meeting"))
        .select_related("session__meeting", "session__roundtable")
        .prefetch_related(Prefetch("sections", queryset=sections))
    )


def public_recommendations() -> QuerySet[Recommendation]:
    return (
        published_recommendations()
        .filter(outcome__state=Outcome.State.PUBLISHED, **_in_public_meeting("outcome__session__meeting"))
        .select_related("outcome")
        .prefetch_related("themes")
    )


def public_practices_list() -> QuerySet[Practice]:
    return public_practices().order_by()


def meeting_participants(meeting: Meeting) -> QuerySet[Registration]:
    return public_participants(meeting=meeting).order_by()


def with_theme(queryset: QuerySet, through, theme) -> QuerySet:
    """Rows under `theme`, each once (Exists, not a join)."""
    owner = through._meta.get_field(queryset.model._meta.model_name).attname
    return queryset.filter(Exists(through.objects.filter(**{owner: OuterRef("pk")}, theme=theme)))
