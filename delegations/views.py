from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from rules.contrib.views import permission_required

from delegations.models import Delegation
from delegations.selectors import civil_society_delegations, delegation_registrations, status_counts
from roundtables.selectors import current_meeting


@login_required
def delegation_detail(request, pk: int):
    """A focal point's view of their delegation. Others get 404: a delegation's list is private."""
    delegation = get_object_or_404(Delegation, pk=pk)
    if not request.user.has_perm("delegations.view_delegation", delegation):
        raise Http404
    meeting = current_meeting()
    registrations = delegation_registrations(delegation, meeting=meeting)
    return render(
        request,
        "delegations/delegation_detail.html",
        {
            "delegation": delegation,
            "meeting": meeting,
            "registrations": registrations,
            "counts": status_counts(registrations),
        },
    )


@permission_required("delegations.view_civil_society", raise_exception=True)
def civil_society(request):
    """The civil-society coordinator's list of civil-society organisations."""
    meeting = current_meeting()
    return render(
        request,
        "delegations/civil_society.html",
        {"meeting": meeting, "delegations": civil_society_delegations(meeting=meeting)},
    )
