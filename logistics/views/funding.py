"""funding: pages. Thin: resolve the meeting and the object (404 for what the person may not see), parse,
call the service, show the result."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.selectors import user_roles
from delegations.permissions import InMeeting
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from gfmd.streaming import Sheet, xlsx_response
from logistics.forms.funding import CallForm, DecisionForm, NominationFilterForm, NominationForm
from logistics.models.funding import FundingCall, FundingNomination
from logistics.permissions.funding import MANAGE_FUNDING, NOMINATE_FOR_FUNDING
from logistics.selectors import funding as selectors
from logistics.services import funding as services
from roundtables.editions import chair_meeting_or_404, may_write, meeting_or_404, meeting_or_current

CALLS_PER_PAGE = 20
NOMINATIONS_PER_PAGE = 25


def meeting_time(meeting):
    """Read and show times in the meeting's zone (the host city's clock)."""
    return timezone.override(ZoneInfo(meeting.time_zone))


def _call_or_404(meeting, pk: int) -> FundingCall:
    call = selectors.call_of(meeting, pk)
    if call is None:
        raise Http404
    return call


@login_required
@require_GET
def call_list(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    page = Paginator(selectors.calls_of(meeting), CALLS_PER_PAGE).get_page(request.GET.get("page"))
    with meeting_time(meeting):
        return render(
            request,
            "logistics/funding/call_list.html",
            {
                "meeting": meeting,
                "page": page,
                "calls": page.object_list,
                "may_write": may_write(meeting, request.user),
            },
        )


def _call_form_page(request, meeting, call: FundingCall | None):
    with meeting_time(meeting):
        initial = (
            CallForm.initial_of(call)
            if call
            else {"max_nominations": 2, "currency": "USD", "covers": ["airfare", "hotel", "allowance"]}
        )
        form = CallForm(request.POST or None, meeting=meeting, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                if call is None:
                    call = services.funding_call_create(meeting=meeting, data=form.service_data(), actor=request.user)
                    messages.success(request, _("The call is saved as a draft. Open it when it is ready."))
                else:
                    services.funding_call_update(call=call, data=form.service_data(), actor=request.user)
                    messages.success(request, _("The call is saved."))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("logistics:funding_call", number=meeting.number, pk=call.pk)
        return render(request, "logistics/funding/call_form.html", {"meeting": meeting, "form": form, "call": call})


@login_required
def call_create(request, number: int):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    return _call_form_page(request, meeting, None)


@login_required
def call_edit(request, number: int, pk: int):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    return _call_form_page(request, meeting, _call_or_404(meeting, pk))


def _transition(request, number: int, pk: int, service, done: str):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    call = _call_or_404(meeting, pk)
    try:
        service(call=call, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("logistics:funding_call", number=meeting.number, pk=call.pk)


@login_required
@require_POST
def call_open(request, number: int, pk: int):
    return _transition(request, number, pk, services.funding_call_open, _("The call is open for nominations."))


@login_required
@require_POST
def call_close(request, number: int, pk: int):
    return _transition(request, number, pk, services.funding_call_close, _("The call is closed to nominations."))


@login_required
@require_GET
def call_detail(request, number: int, pk: int):
    """The decisions page: the budget, committed and remaining, and the nominations in pages."""
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    call = _call_or_404(meeting, pk)
    filters = NominationFilterForm(request.GET or None)
    state = filters.value()
    page = Paginator(selectors.nominations_of(call, state=state), NOMINATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    with meeting_time(meeting):
        return render(
            request,
            "logistics/funding/call_detail.html",
            {
                "meeting": meeting,
                "call": call,
                "figures": selectors.budget_figures(call),
                "filters": filters,
                "page": page,
                "nominations": page.object_list,
                "query": query_without(request, "page"),
                "delegations": list(call.delegations.order_by("name")[:50]),
                "may_write": may_write(meeting, request.user),
            },
        )


@login_required
def decide(request, number: int, pk: int, nomination: int):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    call = _call_or_404(meeting, pk)
    nomination = selectors.nomination_of(call, nomination)
    if nomination is None:
        raise Http404
    form = DecisionForm(
        request.POST or None,
        currency=call.currency,
        initial={"decision": "fund", "amount": nomination.estimated_cost},
    )
    if request.method == "POST" and form.is_valid():
        fund = form.cleaned_data["decision"] == "fund"
        try:
            services.funding_decide(
                nomination=nomination,
                fund=fund,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            name = nomination.person.display_name
            messages.success(
                request,
                (_("%(name)s's participation is funded.") if fund else _("%(name)s's nomination is declined."))
                % {"name": name},
            )
            return redirect("logistics:funding_call", number=meeting.number, pk=call.pk)
    with meeting_time(meeting):
        return render(
            request,
            "logistics/funding/decide.html",
            {
                "meeting": meeting,
                "call": call,
                "nomination": nomination,
                "form": form,
                "figures": selectors.budget_figures(call),
            },
        )


@login_required
@require_GET
def call_export(request, number: int, pk: int):
    """The funded participants for the donors, as a spreadsheet (streamed, no cell a formula)."""
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_FUNDING)
    call = _call_or_404(meeting, pk)
    covered = "; ".join(call.covered_labels())
    figures = selectors.budget_figures(call)

    def rows():
        for nomination in selectors.funded_rows(call).iterator(chunk_size=500):
            yield [
                nomination.delegation.display_name,
                nomination.person.display_name,
                nomination.registration.get_role_display(),
                covered,
                nomination.amount,
                call.currency,
            ]
        yield []
        yield [_("Funded participants"), figures["funded"], "", "", figures["committed"], call.currency]
        yield [_("Budget"), "", "", "", call.budget, call.currency]
        yield [_("Remaining"), "", "", "", figures["remaining"], call.currency]

    header = [_("Delegation"), _("Person"), _("Role"), _("Covered"), _("Amount"), _("Currency")]
    sheet = Sheet(_("Funded participants"), header, rows(), widths=(28, 32, 22, 50, 14, 10))
    filename = f"gfmd-{meeting.number}-funded-participants-{call.pk}-{slugify(call.title_en)[:40]}.xlsx"
    return xlsx_response([sheet], filename=filename)


# -- A focal point's nominations ----------------------------------------------------------------------


@login_required
@require_GET
def nominations(request, number: int | None = None):
    """A focal point's page: the calls their delegations are eligible for, and their nominations."""
    meeting = meeting_or_current(number)
    if meeting is None:
        raise Http404
    delegations = user_roles(request.user).focal_point_in(meeting)
    if not delegations:
        raise PermissionDenied
    calls = []
    for call, eligible in selectors.open_calls_for(delegations, meeting):
        for delegation in eligible:
            calls.append(
                {
                    "call": call,
                    "delegation": delegation,
                    "nominations": list(selectors.delegation_nominations(call, delegation)[:50]),
                }
            )
    with meeting_time(meeting):
        return render(
            request,
            "logistics/funding/nominations.html",
            {"meeting": meeting, "entries": calls, "may_write": may_write(meeting, request.user)},
        )


@login_required
def nominate(request, number: int, pk: int):
    meeting = meeting_or_404(number)
    call = selectors.call_of(meeting, pk)
    if call is None or call.state == FundingCall.State.DRAFT:
        raise Http404
    delegations = [
        d
        for d in user_roles(request.user).focal_point_in(meeting)
        if request.user.has_perm(NOMINATE_FOR_FUNDING, InMeeting.of(d, meeting))
    ]
    if not delegations:
        raise PermissionDenied
    delegation = next((d for d in delegations if str(d.pk) == request.GET.get("delegation", "")), delegations[0])
    if not selectors.is_eligible(call, delegation):
        raise Http404
    registrations = list(selectors.nominable_registrations(call, delegation)[:500])
    form = NominationForm(
        request.POST or None,
        registrations=registrations,
        currency=call.currency,
        initial={"estimated_cost": call.cost_per_place},
    )
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.funding_nominate(
                call=call,
                delegation=delegation,
                registration=form.chosen_registration(),
                estimated_cost=form.cleaned_data["estimated_cost"],
                justification=form.cleaned_data["justification"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is nominated. The Chair's office will decide.") % {"name": nomination.person.display_name},
            )
            return redirect("logistics:funding_nominations", number=meeting.number)
    with meeting_time(meeting):
        return render(
            request,
            "logistics/funding/nominate.html",
            {
                "meeting": meeting,
                "call": call,
                "delegation": delegation,
                "form": form,
                "nominated": list(selectors.delegation_nominations(call, delegation)[:50]),
                "figures": selectors.budget_figures(call),
                "states": FundingNomination.State,
            },
        )
