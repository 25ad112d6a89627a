from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.dashboard import dashboard_of
from accounts.forms import ProfileForm
from accounts.selectors import landing_url
from delegations.selectors import registration_of_person
from roundtables.selectors import current_meeting


@login_required
def landing(request):
    return redirect(landing_url(request.user))


@login_required
def dashboard(request):
    """ "My GFMD": what the person still has to do, their session roles, registrations and sessions."""
    return render(request, "accounts/dashboard.html", {"board": dashboard_of(request.user)})


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
    return render(request, "accounts/welcome.html", {"meeting": meeting})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        # The saved preference wins over an earlier choice in the language switcher.
        response.delete_cookie("django_language")
        return response
    return render(request, "accounts/profile.html", {"form": form})
