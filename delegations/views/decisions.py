"""A registration seen by those who decide on it: details, history, approve, reject, withdraw.

The services check the rules of each decision (delegations.approve_registration, ...) on the row
they lock; the page shows each button under the same rule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activity.selectors import activity_for_object
from delegations import services
from delegations.forms import DecisionForm, RejectForm
from delegations.models import Registration
from delegations.selectors import registration_detail as registration_query
from gfmd.forms import add_service_errors


def visible_registration(request, pk: int) -> Registration:
    """The registration, or 404 for anyone who may not see it (its existence is private)."""
    registration = get_object_or_404(registration_query(pk))
    if not request.user.has_perm("delegations.view_registration", registration):
        raise Http404
    return registration


def _back(request, registration: Registration):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("delegations:registration", pk=registration.pk)


def _page(request, registration, *, reject_form=None, withdraw_form=None, status=200):
    user = request.user
    return render(
        request,
        "delegations/registration_detail.html",
        {
            "registration": registration,
            "meeting": registration.meeting,
            "history": activity_for_object(registration).filter(action__startswith="delegations.")[:50],
            "can_decide": user.has_perm("delegations.decide_registration", registration),
            "can_approve": user.has_perm("delegations.approve_registration", registration),
            "can_reject": user.has_perm("delegations.reject_registration", registration),
            "can_override": user.has_perm("delegations.override_decision", registration),
            "can_withdraw": user.has_perm("delegations.withdraw_registration", registration),
            "reject_form": reject_form or RejectForm(),
            "withdraw_form": withdraw_form or DecisionForm(),
        },
        status=status,
    )


@login_required
def registration_detail(request, pk: int):
    return _page(request, visible_registration(request, pk))


@login_required
@require_POST
def registration_approve(request, pk: int):
    registration = visible_registration(request, pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        services.registration_approve(
            registration=registration, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(name)s's registration is approved; they have been notified by e-mail.")
            % {"name": registration.person.display_name},
        )
    return _back(request, registration)


@login_required
@require_POST
def registration_reject(request, pk: int):
    registration = visible_registration(request, pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.registration_reject(
                registration=registration, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s's registration is rejected; they have been notified by e-mail.")
                % {"name": registration.person.display_name},
            )
            return _back(request, registration)
    elif not request.user.has_perm("delegations.decide_registration", registration):
        # The form comes back with its errors only to those who decide; others are refused as the
        # service refuses them.
        raise PermissionDenied
    return _page(request, registration, reject_form=form, status=400)


@login_required
@require_POST
def registration_withdraw(request, pk: int):
    registration = visible_registration(request, pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        services.registration_withdraw(
            registration=registration, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The registration is withdrawn."))
    return _back(request, registration)
