"""Membership per meeting: the Chair's office's page of a meeting (every delegation's Steering Group
and Friends of the Forum membership, focal points, open nominations), a delegation's page for one
meeting (set the membership, nominate, revoke, replace a focal point), and the nominated person's
page to accept. The services check the rules; the views refuse anyone else (403) before showing a form."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delegations import services
from delegations.forms import MembershipForm, NominationForm
from delegations.models import Delegation, FocalPoint, FocalPointNomination
from delegations.selectors import (
    delegations_membership,
    focal_points_of,
    membership_of,
    open_nominations,
)
from delegations.services.membership import ADMINISTER_MEMBERSHIP, may_accept
from gfmd.forms import add_service_errors
from roundtables.models import Meeting

PAGE_SIZE = 50


def _chair_office_only(request) -> None:
    if not request.user.has_perm(ADMINISTER_MEMBERSHIP):
        raise PermissionDenied


def _meeting(number: int) -> Meeting:
    return get_object_or_404(Meeting, number=number)


def _delegation_and_meeting(request, pk: int, number: int) -> tuple[Delegation, Meeting]:
    _chair_office_only(request)
    return get_object_or_404(Delegation, pk=pk), _meeting(number)


@login_required
def meeting_membership(request, number: int):
    """The Chair's office's membership page of a meeting, searched by name, paginated."""
    _chair_office_only(request)
    meeting = _meeting(number)
    q = request.GET.get("q", "")[:100]
    page = Paginator(delegations_membership(meeting=meeting, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "delegations/membership/meeting.html",
        {"meeting": meeting, "page": page, "q": q, "query": urlencode({"q": q}) if q else ""},
    )


def _delegation_page(request, delegation, meeting, *, nomination_form=None, membership_form=None, status=200):
    membership = membership_of(delegation, meeting=meeting)
    focal_points = focal_points_of(delegation, meeting=meeting)
    return render(
        request,
        "delegations/membership/delegation.html",
        {
            "delegation": delegation,
            "meeting": meeting,
            "membership": membership,
            "focal_points": list(focal_points),
            "nominations": list(open_nominations(meeting=meeting).filter(delegation=delegation)[:20]),
            "membership_form": membership_form
            or MembershipForm(
                initial={
                    "steering_group": bool(membership and membership.steering_group),
                    "friends_of_the_forum": bool(membership and membership.friends_of_the_forum),
                }
            ),
            "nomination_form": nomination_form or NominationForm(focal_points=focal_points),
        },
        status=status,
    )


@login_required
def delegation_membership(request, pk: int, number: int):
    delegation, meeting = _delegation_and_meeting(request, pk, number)
    return _delegation_page(request, delegation, meeting)


def _back(request, delegation, meeting):
    """Back to the page the form was on: the meeting's list (its search and page kept) or the delegation's."""
    if request.POST.get("back") == "list":
        url = reverse("delegations:meeting_membership", kwargs={"number": meeting.number})
        query = {key: request.POST[key] for key in ("q", "page") if request.POST.get(key)}
        return redirect(f"{url}?{urlencode(query)}" if query else url)
    return redirect("delegations:delegation_membership", pk=delegation.pk, number=meeting.number)


@login_required
@require_POST
def membership_set(request, pk: int, number: int):
    delegation, meeting = _delegation_and_meeting(request, pk, number)
    form = MembershipForm(request.POST)
    form.is_valid()  # two check boxes: always valid
    try:
        services.membership_set(
            delegation=delegation,
            meeting=meeting,
            actor=request.user,
            steering_group=form.cleaned_data.get("steering_group", False),
            friends_of_the_forum=form.cleaned_data.get("friends_of_the_forum", False),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Membership of %(delegation)s for %(meeting)s saved.")
            % {"delegation": delegation.display_name, "meeting": meeting.title},
        )
    return _back(request, delegation, meeting)


@login_required
@require_POST
def focal_point_nominate(request, pk: int, number: int):
    delegation, meeting = _delegation_and_meeting(request, pk, number)
    form = NominationForm(request.POST, focal_points=focal_points_of(delegation, meeting=meeting))
    if form.is_valid():
        try:
            nomination = services.focal_point_nominate(
                delegation=delegation,
                meeting=meeting,
                email=form.cleaned_data["email"],
                actor=request.user,
                replaces=form.cleaned_data.get("replaces"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("A nomination has been sent to %(email)s.") % {"email": nomination.email})
            return redirect("delegations:delegation_membership", pk=delegation.pk, number=meeting.number)
    return _delegation_page(request, delegation, meeting, nomination_form=form, status=400)


@login_required
@require_POST
def focal_point_revoke(request, pk: int, number: int, focal_point_pk: int):
    delegation, meeting = _delegation_and_meeting(request, pk, number)
    focal_point = get_object_or_404(
        FocalPoint.objects.select_related("user", "meeting", "delegation"),
        pk=focal_point_pk,
        delegation=delegation,
        meeting=meeting,
    )
    try:
        services.focal_point_revoke(focal_point=focal_point, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer focal point of %(delegation)s for %(meeting)s.")
            % {"name": focal_point.user.display_name, "delegation": delegation.display_name, "meeting": meeting.title},
        )
    return redirect("delegations:delegation_membership", pk=delegation.pk, number=meeting.number)


@login_required
@require_POST
def nomination_revoke(request, pk: int, number: int, nomination_pk: int):
    delegation, meeting = _delegation_and_meeting(request, pk, number)
    nomination = get_object_or_404(FocalPointNomination, pk=nomination_pk, delegation=delegation, meeting=meeting)
    try:
        services.focal_point_nomination_revoke(nomination=nomination, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The nomination of %(email)s is revoked.") % {"email": nomination.email})
    return redirect("delegations:delegation_membership", pk=delegation.pk, number=meeting.number)


def focal_point_accept(request, token: str):
    """The nomination's link: GET shows what is offered, POST accepts. A used, revoked, expired or
    unknown link gets a page that says so (410/404); the wrong account is told which address to use."""
    nomination = services.nomination_by_token(token)
    if nomination is None:
        return render(request, "delegations/membership/accept.html", {"problem": "unknown"}, status=404)
    context = {"nomination": nomination, "meeting": nomination.meeting}
    if nomination.state != FocalPointNomination.State.OPEN:
        return render(
            request, "delegations/membership/accept.html", {**context, "problem": nomination.state}, status=410
        )
    if not request.user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        context.update(
            login_url=f"{reverse('account_login')}?{query}", signup_url=f"{reverse('account_signup')}?{query}"
        )
        return render(request, "delegations/membership/accept.html", context)
    if not may_accept(request.user, nomination):
        return render(
            request, "delegations/membership/accept.html", {**context, "problem": "other_address"}, status=403
        )
    if request.method == "POST":
        try:
            services.focal_point_accept(token=token, user=request.user)
        except ValidationError as exc:
            return render(
                request,
                "delegations/membership/accept.html",
                {**context, "problem": "refused", "errors": exc.messages},
                status=409,
            )
        messages.success(
            request,
            _("You are now focal point of %(delegation)s for %(meeting)s.")
            % {"delegation": nomination.delegation.display_name, "meeting": nomination.meeting.title},
        )
        # The delegation's page shows the current meeting: a focal point of next year's meeting only
        # lands on their own page until that meeting's pages name it.
        fresh = get_user_model().objects.get(pk=request.user.pk)  # the roles read before accepting are stale
        if fresh.has_perm("delegations.view_delegation", nomination.delegation):
            return redirect("delegations:detail", pk=nomination.delegation_id)
        return redirect("accounts:dashboard")
    return render(request, "delegations/membership/accept.html", context)
