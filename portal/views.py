from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.selectors import landing_url
from delegations.selectors import registration_of_person
from portal.dashboard import dashboard_of
from roundtables.selectors import current_meeting


@login_required
def dashboard(request):
    """ "My GFMD": what the person still has to do, their session roles, registrations and sessions."""
    return render(request, "portal/dashboard.html", {"board": dashboard_of(request.user)})


@login_required
def welcome(request):
    """Where a new account lands once its address is verified: the current meeting's registration
    is offered right away (or the person's own start page when there is none to offer)."""
    meeting = current_meeting()
    if (
        meeting is None
        or meeting.status != meeting.Status.OPEN
        or registration_of_person(request.user, meeting=meeting)
    ):
        return redirect(landing_url(request.user))
    return render(request, "portal/welcome.html", {"meeting": meeting})
