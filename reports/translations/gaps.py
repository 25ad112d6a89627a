"""Every app's part of a meeting's translation gaps, counted and paged."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict

from gfmd.translation_gaps import GapCounts, GapList, GapRow, gap_counts, gap_row, with_gaps
from outcomes import selectors as outcomes_selectors
from papers import selectors as papers_selectors
from roundtables import selectors as roundtables_selectors
from roundtables.models import Meeting
from surveys import selectors as surveys_selectors

# Each app's part, in the order the page shows them.
PARTS = (
    roundtables_selectors.translation_gaps,
    outcomes_selectors.translation_gaps,
    papers_selectors.translation_gaps,
    surveys_selectors.translation_gaps,
)


def meeting_translation_gaps(meeting: Meeting) -> list[GapList]:
    return [gaps for part in PARTS for gaps in part(meeting)]


@dataclass(frozen=True)
class GapSection:
    gaps: GapList
    counts: GapCounts
    page: Page | None  # the page of rows asked for; None when nothing of this kind lacks a translation
    rows: list[GapRow]
    query: str = ""  # the query string without this list's page parameter, for its pager

    @property
    def key(self) -> str:
        return self.gaps.key


def meeting_gap_sections(meeting: Meeting, query: QueryDict, *, per_page: int) -> list[GapSection]:
    """One section per kind of item: its counts (one aggregate query) and, when some lack a translation,
    the page of them the query string asks for (`?<key>=2`; one more query)."""
    sections = []
    for gaps in meeting_translation_gaps(meeting):
        counts = gap_counts(gaps)
        page, rows = None, []
        if counts.with_gaps:
            paginator = Paginator(with_gaps(gaps), per_page)
            # The aggregate has just counted the same rows: the paginator need not count them again.
            paginator.count = counts.with_gaps
            page = paginator.get_page(query.get(gaps.key))
            rows = [gap_row(gaps, item) for item in page.object_list]
        sections.append(GapSection(gaps=gaps, counts=counts, page=page, rows=rows))
    return sections
