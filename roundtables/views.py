from django.shortcuts import render
from rules.contrib.views import permission_required

from roundtables.selectors import current_meeting, roundtables_with_sessions, sessions_with_team_status


def home(request):
    """The public home page: the current meeting's theme, dates, venue and roundtables."""
    meeting = current_meeting()
    context = {"meeting": meeting}
    if meeting is not None:
        context["roundtables"] = roundtables_with_sessions(meeting)
        context["other_sessions"] = meeting.sessions.filter(roundtable__isnull=True).order_by("starts_at", "order")
    return render(request, "roundtables/home.html", context)


@permission_required("roundtables.view_chair_dashboard", raise_exception=True)
def chair_dashboard(request):
    """The Chair's office control room: every session and what its team still lacks."""
    meeting = current_meeting()
    sessions = list(sessions_with_team_status(meeting)) if meeting else []
    roundtable_sessions = [s for s in sessions if s.kind == "roundtable"]
    return render(
        request,
        "roundtables/chair_dashboard.html",
        {
            "meeting": meeting,
            "sessions": sessions,
            "lacking_co_chairs": sum(1 for s in roundtable_sessions if s.co_chair_count < 2),
            "lacking_rapporteur": sum(1 for s in roundtable_sessions if s.rapporteur_count == 0),
        },
    )
