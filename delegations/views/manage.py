"""Pages of those who run delegations: the focal point's delegation page (bulk approval,
invitations), the Chair's office's delegation list and quotas, the civil-society list.

The services check who may act (PermissionDenied, a 403 here); the views read the same rules
only to show or hide the forms, and to refuse with 404 a delegation the person may not see."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from delegations import services
from delegations.filters import DelegationFilterForm
from delegations.forms import BulkApproveForm, InvitationForm, QuotaForm
from delegations.models import Delegation, Invitation, Registration
from delegations.selectors import (
    civil_society_delegations,
    delegation_history,
    delegation_invitations,
    delegation_registrations,
    delegations_for_administration,
    head_of_delegation,
    membership_of,
    quota_of,
    status_counts,
)
from gfmd.forms import add_service_errors
from roundtables.editions import chair_meeting_or_404, meeting_or_current

DELEGATIONS_PER_PAGE = 50
# A delegation's registrations in a meeting: its quota bounds the active ones, not the others.
REGISTRATIONS_PER_PAGE = 50


def visible_delegation(request, pk: int) -> Delegation:
    delegation = get_object_or_404(Delegation, pk=pk)
    if not request.user.has_perm("delegations.view_delegation", delegation):
        raise Http404
    return delegation


def _shown_only_to(request, perm: str, delegation) -> None:
    """A form comes back with its errors only to those the page shows it to (the same rule as
    its button); anyone else is refused as the service would refuse them."""
    if not request.user.has_perm(perm, delegation):
        raise PermissionDenied


def _detail_url(delegation, meeting) -> str:
    """The delegation's page for the meeting the change was made in."""
    if meeting is None:
        return reverse("delegations:detail", kwargs={"pk": delegation.pk})
    return reverse("delegations:detail", kwargs={"pk": delegation.pk, "number": meeting.number})


def _detail_page(request, delegation, meeting, *, invitation_form=None, quota_form=None, bulk_errors=None, status=200):
    user = request.user
    registrations = delegation_registrations(delegation, meeting=meeting)
    page = Paginator(registrations, REGISTRATIONS_PER_PAGE).get_page(request.GET.get("page"))
    quota = quota_of(delegation, meeting=meeting)
    # Counted by the database for the whole list, not the page.
    counts = status_counts(registrations)
    used = sum(count for status, _label, count in counts if status in Registration.ACTIVE_STATUSES)
    head = head_of_delegation(delegation, meeting=meeting)
    return render(
        request,
        "delegations/delegation_detail.html",
        {
            "delegation": delegation,
            "meeting": meeting,
            "page": page,
            "registrations": page.object_list,
            "counts": counts,
            "pending_count": counts[0][2],
            "head": head,
            "quota": quota,
            "places_used": used,
            "invitations": delegation_invitations(delegation, meeting=meeting)[:20] if meeting else [],
            "membership": membership_of(delegation, meeting=meeting),
            "history": delegation_history(delegation),
            "can_decide": user.has_perm("delegations.decide_for_delegation", delegation),
            "can_invite": user.has_perm("delegations.invite_to_delegation", delegation),
            "can_set_quota": user.has_perm("delegations.set_quota", delegation),
            # The rule itself, not user.has_perm: without an object Django's ModelBackend would read
            # the user's model permissions (two queries) for a rule it does not hold.
            "can_administer": rules.has_perm("delegations.administer_delegations", user),
            "invitation_form": invitation_form or InvitationForm(),
            "quota_form": quota_form or QuotaForm(initial={"places": quota.places if quota else None}),
            "bulk_errors": bulk_errors or [],
        },
        status=status,
    )


@login_required
def delegation_detail(request, pk: int, number: int | None = None):
    """A focal point's view of their delegation in one meeting. Others get 404: a delegation's list is private."""
    delegation = visible_delegation(request, pk)
    return _detail_page(request, delegation, meeting_or_current(number))


@login_required
@require_POST
def bulk_approve(request, pk: int, number: int | None = None):
    delegation = visible_delegation(request, pk)
    meeting = meeting_or_current(number)
    pending = delegation_registrations(delegation, meeting=meeting).filter(status=Registration.Status.PENDING)
    form = BulkApproveForm(request.POST, pending=pending)
    if not form.is_valid():
        _shown_only_to(request, "delegations.decide_for_delegation", delegation)
        return _detail_page(request, delegation, meeting, bulk_errors=form.errors["registrations"], status=400)
    approved, problems = services.registrations_approve_many(
        registrations=form.cleaned_data["registrations"], actor=request.user
    )
    if approved:
        messages.success(
            request,
            ngettext(
                "%(count)s registration approved; the participant is notified.",
                "%(count)s registrations approved; each participant is notified.",
                approved,
            )
            % {"count": approved},
        )
    for problem in problems:
        messages.error(request, problem)
    return redirect(_detail_url(delegation, meeting))


@login_required
@require_POST
def invite(request, pk: int, number: int | None = None):
    delegation = visible_delegation(request, pk)
    meeting = meeting_or_current(number)
    form = InvitationForm(request.POST)
    if meeting is None:
        form.add_error(None, _("No meeting is current."))
    elif form.is_valid():
        try:
            invitation = services.invitation_create(
                delegation=delegation,
                meeting=meeting,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("An invitation has been sent to %(email)s.") % {"email": invitation.email})
            return redirect(_detail_url(delegation, meeting))
    _shown_only_to(request, "delegations.invite_to_delegation", delegation)
    return _detail_page(request, delegation, meeting, invitation_form=form, status=400)


@login_required
@require_POST
def invitation_revoke(request, pk: int, invitation_pk: int):
    delegation = visible_delegation(request, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, delegation=delegation)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email})
    return redirect(_detail_url(delegation, invitation.meeting))


@login_required
@require_POST
def quota(request, pk: int, number: int | None = None):
    delegation = visible_delegation(request, pk)
    meeting = meeting_or_current(number)
    form = QuotaForm(request.POST)
    if meeting is None:
        form.add_error(None, _("No meeting is current."))
    elif form.is_valid():
        try:
            services.quota_set(
                delegation=delegation, meeting=meeting, places=form.cleaned_data["places"], actor=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The quota of %(name)s is saved.") % {"name": delegation.display_name})
            return redirect(_detail_url(delegation, meeting))
    _shown_only_to(request, "delegations.set_quota", delegation)
    return _detail_page(request, delegation, meeting, quota_form=form, status=400)


@permission_required("delegations.list_delegations", raise_exception=True)
def delegation_index(request, number: int | None = None):
    """The Chair's office's list of delegations: who they are (kind, country, region, Steering
    Group and Friends of the Forum, focal points, retired or not), their registrations and quotas
    in the meeting, and the way to create, edit, retire and merge them."""
    # Delegations outlive meetings: with no meeting current, the list still serves their administration.
    meeting = meeting_or_current(None) if number is None else chair_meeting_or_404(request.user, number)
    form = DelegationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    delegations = delegations_for_administration(
        meeting=meeting,
        q=filters.get("q") or "",
        kind=filters.get("kind") or "",
        status=filters.get("status") or "active",
    )
    page = Paginator(delegations, DELEGATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "delegations/delegation_index.html",
        {
            "meeting": meeting,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_administer": request.user.has_perm("delegations.administer_delegations"),
        },
    )


def civil_society(request, number: int | None = None):
    """The civil-society coordinator's list of civil-society organisations and their registrations in the
    meeting. The rule is asked about the meeting itself: a coordinator is named per meeting."""
    meeting = chair_meeting_or_404(request.user, number, perm="delegations.view_civil_society")
    page = Paginator(civil_society_delegations(meeting=meeting), DELEGATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "delegations/civil_society.html",
        {"meeting": meeting, "page": page, "delegations": page.object_list},
    )
