"""What the follow-up pages read: a recommendation by its public identifier, its status history and
reports, the Chair's office's review list, and the delegations a person may report for."""

import re
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet

from delegations.models import FocalPoint
from followup.models import FollowUpReport, Recommendation, ReportAttachment, StatusChange
from roundtables.models import Meeting

# GFMD-2009-3.1-R1: the meeting's year, the session's code, the recommendation's number.
IDENTIFIER = re.compile(r"^GFMD-(?P<year>\d{4})-(?P<code>[0-9A-Za-z.]{1,20})-R(?P<number>\d{1,4})$")

# The recommendation's page shows this many history steps and reports; the reports' page has them all.
FOLLOWUP_CAP = 5


def _with_identity(queryset: QuerySet) -> QuerySet:
    # identifier and str() read outcome.session.meeting.
    return queryset.select_related("outcome__session__meeting")


def published_recommendation(identifier: str) -> Recommendation | None:
    """The published recommendation of that identifier, or None (unknown, malformed or not public)."""
    match = IDENTIFIER.match(identifier or "")
    if match is None:
        return None
    return (
        _with_identity(Recommendation.objects.published())
        .filter(
            outcome__session__meeting__start_date__year=int(match["year"]),
            outcome__session__code=match["code"],
            number=int(match["number"]),
        )
        .first()
    )


def status_history(recommendation: Recommendation) -> QuerySet[StatusChange]:
    """The recommendation's status changes, newest first, with the meeting and the report they came with."""
    return recommendation.status_changes.select_related("meeting", "report__delegation").order_by("-changed_at", "-pk")


def reports_of(recommendation: Recommendation) -> QuerySet[FollowUpReport]:
    """The recommendation's follow-up reports, newest first, with their delegation, meeting and attachments."""
    return (
        recommendation.reports.select_related("delegation", "meeting")
        .prefetch_related(Prefetch("attachments", queryset=ReportAttachment.objects.order_by("pk")))
        .order_by("-submitted_at", "-pk")
    )


@dataclass(frozen=True)
class Followup:
    """The recommendation's follow-up as its page shows it: the latest steps and reports, and how many."""

    history: list[StatusChange]
    history_count: int
    reports: list[FollowUpReport]
    report_count: int

    @property
    def more_reports(self) -> bool:
        return self.report_count > len(self.reports)

    @property
    def more_history(self) -> bool:
        return self.history_count > len(self.history)


def followup_of(recommendation: Recommendation, *, cap: int = FOLLOWUP_CAP) -> Followup:
    """At most `cap` history steps and `cap` reports (5 queries whatever their number)."""
    history = list(status_history(recommendation)[:cap])
    reports = list(reports_of(recommendation)[:cap])
    return Followup(
        history=history,
        history_count=len(history) if len(history) < cap else recommendation.status_changes.count(),
        reports=reports,
        report_count=len(reports) if len(reports) < cap else recommendation.reports.count(),
    )


def reporting_roles(user) -> list[FocalPoint]:
    """The delegations the person may file follow-up reports for: their focal-point roles in meetings whose
    record is open (usually one: the current meeting), as FocalPoint rows with delegation and meeting."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        FocalPoint.objects.filter(user=user, meeting__closed_at__isnull=True)
        .select_related("delegation", "meeting")
        .order_by("-meeting__number", "delegation__name")
    )


def recommendations_for_review(
    meeting: Meeting, *, meeting_number: int | None = None, theme: str = "", status: str = ""
) -> QuerySet[Recommendation]:
    """The published recommendations of `meeting` and the meetings before it, the oldest meeting first,
    with their report count and last report date counted by the database and their themes prefetched."""
    queryset = Recommendation.objects.published().filter(outcome__session__meeting__number__lte=meeting.number)
    if meeting_number is not None:
        queryset = queryset.filter(outcome__session__meeting__number=meeting_number)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if status:
        queryset = queryset.filter(status=status)
    return (
        _with_identity(queryset)
        .prefetch_related("themes")
        .annotate(report_count=Count("reports", distinct=True), last_report_at=Max("reports__submitted_at"))
        .order_by("outcome__session__meeting__number", "outcome__session__code", "number", "pk")
    )


def review_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    """The meetings a review page filters by: this one and those before it."""
    return Meeting.objects.filter(number__lte=meeting.number).order_by("-number")
