"""side_events: the proposer's form and "my side events" (with the side events open for registration), and
the Chair's office's review: the list of a meeting's side events and one side event's decision."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from logistics.forms.side_events import AcceptForm, DeclineForm, SideEventForm
from logistics.models import SideEvent
from logistics.selectors import side_events as selectors
from logistics.services import side_events as services
from roundtables.editions import VIEW_MEETING_RECORDS, chair_meeting_or_404, may_write, meeting_or_current

PER_PAGE = 20
REVIEW_PER_PAGE = 25


def _meeting(number):
    meeting = meeting_or_current(number)
    if meeting is None:
        raise Http404("No meeting is current.")
    return meeting


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def side_events_propose(request, number=None):
    meeting = _meeting(number)
    if not request.user.has_perm("logistics.propose_side_event", meeting):
        raise PermissionDenied
    delegation = selectors.proposing_delegation(request.user, meeting)
    with timezone.override(ZoneInfo(meeting.time_zone)):
        form = SideEventForm(request.POST or None, meeting=meeting, initial={"language": request.LANGUAGE_CODE})
        if request.method == "POST" and form.is_valid():
            try:
                side_event = services.side_event_propose(meeting=meeting, actor=request.user, data=form.to_input())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your side event “%(title)s” is proposed. The Chair's office will tell you its decision by mail.")
                    % {"title": side_event.title},
                )
                return redirect("logistics:side_events_mine", number=meeting.number)
        return render(
            request,
            "logistics/side_events/propose.html",
            {"meeting": meeting, "form": form, "delegation": delegation, "writable": may_write(meeting, request.user)},
        )


@login_required
def side_events_mine(request, number=None):
    """The side events the person proposed (in pages), and those open for registration (participants)."""
    meeting = _meeting(number)
    mine = Paginator(selectors.side_events_of_proposer(request.user, meeting=meeting), PER_PAGE).get_page(
        request.GET.get("page")
    )
    participant = selectors.is_approved_participant(request.user, meeting)
    open_events = (
        Paginator(selectors.side_events_open_for_registration(request.user, meeting=meeting), PER_PAGE).get_page(
            request.GET.get("open")
        )
        if participant
        else None
    )
    with timezone.override(ZoneInfo(meeting.time_zone)):
        return render(
            request,
            "logistics/side_events/mine.html",
            {
                "meeting": meeting,
                "page": mine,
                "open_page": open_events,
                "may_propose": request.user.has_perm("logistics.propose_side_event", meeting),
                "writable": may_write(meeting, request.user),
                "query": query_without(request, "page"),
                "open_query": query_without(request, "open"),
            },
        )


def _own_side_event(request, number, pk, perm_who) -> SideEvent:
    meeting = _meeting(number)
    side_event = get_object_or_404(SideEvent.objects.select_related("meeting"), pk=pk, meeting=meeting)
    if not perm_who(request.user, side_event):
        raise Http404
    return side_event


@login_required
@require_POST
def side_events_withdraw(request, number, pk):
    side_event = _own_side_event(request, number, pk, lambda user, event: event.proposed_by_id == user.pk)
    try:
        services.side_event_withdraw(side_event=side_event, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Your side event “%(title)s” is withdrawn.") % {"title": side_event.title})
    return redirect("logistics:side_events_mine", number=number)


def _visible_for_registration(user, side_event) -> bool:
    return side_event.status == SideEvent.Status.ACCEPTED and side_event.registration_capacity is not None


@login_required
@require_POST
def side_events_register(request, number, pk):
    side_event = _own_side_event(request, number, pk, _visible_for_registration)
    try:
        services.side_event_register(side_event=side_event, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("You have a place at “%(title)s”.") % {"title": side_event.title})
    return redirect("logistics:side_events_mine", number=number)


@login_required
@require_POST
def side_events_cancel(request, number, pk):
    side_event = _own_side_event(request, number, pk, lambda user, event: True)
    try:
        services.side_event_cancel_place(side_event=side_event, actor=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Your place at “%(title)s” is cancelled.") % {"title": side_event.title})
    return redirect("logistics:side_events_mine", number=number)


# The Chair's office -------------------------------------------------------------------------------


@login_required
def side_events_review(request, number=None):
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_MEETING_RECORDS)
    status = request.GET.get("status", "")
    page = Paginator(selectors.side_events_for_review(meeting=meeting, status=status), REVIEW_PER_PAGE).get_page(
        request.GET.get("page")
    )
    with timezone.override(ZoneInfo(meeting.time_zone)):
        return render(
            request,
            "logistics/side_events/review.html",
            {
                "meeting": meeting,
                "page": page,
                "status": status,
                "statuses": SideEvent.Status.choices,
                "query": query_without(request, "page"),
            },
        )


@login_required
def side_events_decide(request, number, pk):
    """One side event: its details, and the forms to accept it into a room and time or decline it."""
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_MEETING_RECORDS)
    side_event = get_object_or_404(
        SideEvent.objects.select_related("meeting", "room", "delegation", "proposed_by"), pk=pk, meeting=meeting
    )
    may_decide = request.user.has_perm("logistics.review_side_events", meeting) and may_write(meeting, request.user)
    with timezone.override(ZoneInfo(meeting.time_zone)):
        initial = {"room": side_event.room_id, "starts_at": side_event.starts_at, "ends_at": side_event.ends_at}
        accept = AcceptForm(meeting=meeting, initial=initial)
        decline = DeclineForm()
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            if "decline-reason" in request.POST:
                decline = DeclineForm(request.POST)
                if decline.is_valid():
                    try:
                        services.side_event_decline(
                            side_event=side_event, actor=request.user, reason=decline.cleaned_data["reason"]
                        )
                    except ValidationError as error:
                        add_service_errors(decline, error)
                    else:
                        messages.success(request, _("The side event is declined; the proposer is told by mail."))
                        return redirect("logistics:side_events_review", number=meeting.number)
            else:
                accept = AcceptForm(request.POST, meeting=meeting)
                if accept.is_valid():
                    data = accept.cleaned_data
                    try:
                        services.side_event_accept(
                            side_event=side_event,
                            actor=request.user,
                            room=data["room"],
                            starts_at=data["starts_at"],
                            ends_at=data["ends_at"],
                        )
                    except ValidationError as error:
                        add_service_errors(accept, error)
                    else:
                        messages.success(
                            request,
                            _("“%(title)s” is accepted and in the public programme; the proposer is told by mail.")
                            % {"title": side_event.title},
                        )
                        return redirect("logistics:side_events_review", number=meeting.number)
        return render(
            request,
            "logistics/side_events/decide.html",
            {
                "meeting": meeting,
                "side_event": side_event,
                "accept_form": accept,
                "decline_form": decline,
                "may_decide": may_decide,
                "may_accept": may_decide
                and side_event.status in (SideEvent.Status.PROPOSED, SideEvent.Status.ACCEPTED),
                "may_decline": may_decide and side_event.status == SideEvent.Status.PROPOSED,
            },
        )
