"""The follow-up part of the demo: in the follow-up of Mexico 2010 (meeting 4), Ghana's focal point
reports that Athens 2009's recommendation on Migration Profiles (GFMD-2009-3.1-R1) is taken up, then
Mexico's that it is in progress. Illustrative, not from the public record: the texts say so. Run after
the recommendations' demo; safe to run twice (a delegation's report is filed once)."""

from delegations.models import Delegation, FocalPoint
from followup.models import FollowUpReport, Recommendation
from followup.services.reports import followup_report_file
from roundtables.models import Meeting

ATHENS = 3
MEXICO = 4

REPORTS = {
    "GH": (
        Recommendation.Status.TAKEN_UP,
        "en",
        "Ghana has set up an inter-ministerial working group, with IOM's support, to prepare its first Migration "
        "Profile and to connect it to the national development plan. (Illustrative demo report.)",
    ),
    "MX": (
        Recommendation.Status.IN_PROGRESS,
        "es",
        "México actualiza su Perfil Migratorio nacional con el Instituto Nacional de Estadística y Geografía y la "
        "OIM; la edición 2010 añade datos sobre remesas y migración de retorno. (Informe ilustrativo de la "
        "demostración.)",
    ),
}


def _athens_recommendation() -> Recommendation | None:
    return (
        Recommendation.objects.published()
        .select_related("outcome__session__meeting")
        .filter(outcome__session__meeting__number=ATHENS, outcome__session__code="3.1", number=1)
        .first()
    )


def load_reports_demo() -> list[FollowUpReport]:
    """File the demo's follow-up reports through the service; returns those filed by this run."""
    recommendation = _athens_recommendation()
    meeting = Meeting.objects.filter(number=MEXICO).first()
    if recommendation is None or meeting is None or meeting.closed_at is not None:
        return []
    filed = []
    for country, (status, language, text) in REPORTS.items():
        delegation = Delegation.objects.filter(kind=Delegation.Kind.STATE, country=country).first()
        focal_point = (
            FocalPoint.objects.filter(delegation=delegation, meeting=meeting).select_related("user").first()
            if delegation
            else None
        )
        if focal_point is None:
            continue
        already = FollowUpReport.objects.filter(recommendation=recommendation, delegation=delegation, meeting=meeting)
        if already.exists():
            continue
        filed.append(
            followup_report_file(
                recommendation=recommendation,
                delegation=delegation,
                meeting=meeting,
                status=status,
                text=text,
                language=language,
                actor=focal_point.user,
            )
        )
    return filed
