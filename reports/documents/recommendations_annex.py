"""The report of the proceedings' annex "Recommendations and follow-up": the meeting's published
recommendations by session, counted by theme and status with a chart, and the earlier meetings'
recommendations its sessions built on. Read through followup's selectors (followup sits below reports)."""

from django.utils.translation import get_language, gettext

from followup.selectors.tracker import ProceedingsAnnex, addressee_labels, proceedings_annex
from gfmd.charts import print_bar_chart


def recommendations_annex(meeting) -> ProceedingsAnnex:
    """In the document's language (the outcome's original language where a text has no translation),
    with each recommendation's addressees as words and the print charts drawn."""
    annex = proceedings_annex(meeting, get_language())
    for group in annex.sessions:
        for recommendation in group.recommendations:
            recommendation.addressee_labels = addressee_labels(recommendation)
    counts = annex.counts
    annex.status_chart = (
        print_bar_chart(counts.by_status, title=gettext("Recommendations by status")) if counts.total else None
    )
    annex.theme_chart = (
        print_bar_chart(counts.by_theme, title=gettext("Recommendations by theme")) if counts.by_theme else None
    )
    return annex
