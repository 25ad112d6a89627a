"""The Chair's office administers delegations in the portal: create, edit, retire and reactivate,
merge a duplicate. The services check the rule (PermissionDenied, a 403 here); the views refuse
others before showing a form, so a focal point never sees one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from delegations import services
from delegations.forms import DelegationForm, MergeForm
from delegations.models import Delegation
from delegations.selectors import focal_points_of, merge_conflicts, merge_moves
from gfmd.forms import add_service_errors
from roundtables.selectors import current_meeting

ADMINISTER = "delegations.administer_delegations"


def _administered(request, pk: int) -> Delegation:
    if not request.user.has_perm(ADMINISTER):
        raise PermissionDenied
    return get_object_or_404(Delegation, pk=pk)


def _show_conflict(form: DelegationForm, conflict: services.EditConflict) -> DelegationForm:
    """The same form, with what the person typed, on the version now saved (so saving again is a
    choice made knowingly), each field the other person changed marked with its value now."""
    data = form.data.copy()
    data["version"] = conflict.current.version
    fresh = DelegationForm(data)
    fresh.is_valid()
    fresh.add_error(None, conflict.messages)
    current = DelegationForm.initial_of(conflict.current)
    for field, who in conflict.changed.items():
        if field not in fresh.fields:
            continue
        value = current[field]
        if field == "country":
            value = conflict.current.country.name or _("none")
        elif field == "kind":
            value = conflict.current.get_kind_display()
        elif field == "region":
            value = conflict.current.get_region_display() or _("none")
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        fresh.add_error(
            field, _("%(who)s changed this meanwhile; saved now: “%(value)s”.") % {"who": who, "value": value}
        )
    return fresh


def _form_page(request, form, *, delegation=None, status=200):
    # Membership and focal points are per meeting: the form shows the current meeting's and links to
    # the page that sets them (delegations:delegation_membership).
    meeting = current_meeting()
    focal_points = focal_points_of(delegation, meeting=meeting) if delegation is not None else []
    return render(
        request,
        "delegations/admin/delegation_form.html",
        {"form": form, "delegation": delegation, "meeting": meeting, "focal_points": focal_points},
        status=status,
    )


@login_required
@permission_required(ADMINISTER, raise_exception=True)
def delegation_create(request):
    form = DelegationForm(request.POST or None, initial={"kind": Delegation.Kind.STATE})
    if request.method == "POST":
        if form.is_valid():
            try:
                delegation = services.delegation_create(actor=request.user, **form.values())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The delegation %(name)s is created.") % {"name": delegation.name})
                return redirect("delegations:index")
        return _form_page(request, form, status=400)
    return _form_page(request, form)


@login_required
def delegation_edit(request, pk: int):
    delegation = _administered(request, pk)
    if request.method != "POST":
        return _form_page(request, DelegationForm(initial=DelegationForm.initial_of(delegation)), delegation=delegation)
    form = DelegationForm(request.POST)
    if form.is_valid():
        try:
            delegation = services.delegation_update(
                delegation=delegation, actor=request.user, version=form.cleaned_data["version"] or 0, **form.values()
            )
        except services.EditConflict as conflict:
            return _form_page(request, _show_conflict(form, conflict), delegation=conflict.current, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The delegation %(name)s is saved.") % {"name": delegation.name})
            return redirect("delegations:index")
    return _form_page(request, form, delegation=delegation, status=400)


@login_required
def delegation_retire(request, pk: int):
    """A confirmation page (GET), then the retirement (POST)."""
    delegation = _administered(request, pk)
    if request.method == "POST":
        try:
            services.delegation_retire(delegation=delegation, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(name)s is retired: it is no longer offered for registration, invitations or teams.")
                % {"name": delegation.name},
            )
        return redirect("delegations:admin_edit", pk=delegation.pk)
    return render(request, "delegations/admin/retire_confirm.html", {"delegation": delegation})


@login_required
@require_POST
def delegation_reactivate(request, pk: int):
    delegation = _administered(request, pk)
    try:
        services.delegation_reactivate(delegation=delegation, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is active again.") % {"name": delegation.name})
    return redirect("delegations:admin_edit", pk=delegation.pk)


@login_required
def delegation_merge(request, pk: int):
    """Choose the delegation to keep (GET ?target=), read what moves and what stands in the way,
    then confirm (POST)."""
    source = _administered(request, pk)
    form = MergeForm(request.POST if request.method == "POST" else (request.GET or None), source=source)
    target = form.cleaned_data["target"] if form.is_valid() else None
    if request.method == "POST" and target is not None:
        try:
            services.delegation_merge(source=source, target=target, actor=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(source)s is merged into %(target)s.") % {"source": source.name, "target": target.name},
            )
            return redirect("delegations:admin_edit", pk=target.pk)
    context = {
        "delegation": source,
        "form": form,
        "target": target,
        "moves": merge_moves(source, target) if target is not None else [],
        "conflicts": merge_conflicts(source, target) if target is not None else [],
    }
    status = 400 if form.errors else 200
    return render(request, "delegations/admin/merge.html", context, status=status)
