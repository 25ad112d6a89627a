from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.selectors import landing_url
from delegations.selectors import registration_of_person
from portal.dashboard import dashboard_of
from roundtables.editions import meeting_or_current


@login_required
def dashboard(request, number: int | None = None):
    """ "My GFMD": what the person still has to do in the meeting (the current one unless the URL
    names another), their session roles, registrations and sessions."""
    return render(request, "portal/dashboard.html", {"board": dashboard_of(request.user, meeting_or_current(number))})


@login_required
def welcome(request, number: int | None = None):
    """Where a new account lands once its address is verified: the current meeting's registration
    is offered right away (or the person's own start page when there is none to offer)."""
    meeting = meeting_or_current(number)
    if (
        meeting is None
        or meeting.status != meeting.Status.OPEN
        or registration_of_person(request.user, meeting=meeting)
    ):
        return redirect(landing_url(request.user))
    return render(request, "portal/welcome.html", {"meeting": meeting})
