"""The completeness page of a meeting's translations, for its Chair's office (and the troika's, read-only)."""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gfmd import languages
from gfmd.paging import query_without
from reports.translations.gaps import meeting_gap_sections
from roundtables.editions import MANAGE_MEETING, chair_meeting_or_404

PER_PAGE = 25


@login_required
def meeting_translations(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number)
    sections = [
        replace(section, query=query_without(request, section.key))
        for section in meeting_gap_sections(meeting, request.GET, per_page=PER_PAGE)
    ]
    return render(
        request,
        "reports/translations/meeting.html",
        {
            "meeting": meeting,
            "chair_section": "translations",
            "sections": sections,
            "complete": not any(section.counts.with_gaps for section in sections),
            "language_names": list(languages.TRANSLATED_NAMES.values()),
            # A troika's Chair's office reads the gaps; only the meeting's own fixes them.
            "can_manage": request.user.has_perm(MANAGE_MEETING, meeting),
        },
    )
