"""The public pages: the meeting's home page and its published programme."""

from django.shortcuts import render

from roundtables.selectors import current_meeting, roundtables_with_sessions


def home(request):
    """The public home page: the current meeting's theme, dates, venue and roundtables."""
    meeting = current_meeting()
    context = {"meeting": meeting}
    if meeting is not None:
        context["roundtables"] = roundtables_with_sessions(meeting)
        context["other_sessions"] = meeting.sessions.filter(roundtable__isnull=True).order_by("starts_at", "order")
    return render(request, "roundtables/home.html", context)
