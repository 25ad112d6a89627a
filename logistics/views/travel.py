"""travel: the participant's "Travel and hotel" page (arrival and departure, the partner hotels' rooms and
their booking) and the Chair's office's pages (partner hotels and room blocks, the arrivals list and its
export). Thin: read the input in the meeting's zone, call the service, show its refusal next to the field."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from delegations.models import Registration
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from gfmd.streaming import Sheet, xlsx_response
from gfmd.timeranges import naive_moment, zoned_column
from logistics.forms.travel import BlockForm, BookingForm, HotelForm, TravelPlanForm
from logistics.models import Hotel, HotelBooking, RoomBlock
from logistics.permissions.travel import MANAGE_HOTELS, VIEW_TRAVEL
from logistics.selectors import travel as selectors
from logistics.services import travel as services
from roundtables.editions import chair_meeting_or_404, may_write, meeting_or_current

BLOCKS_PER_PAGE = 20
HOTELS_PER_PAGE = 20
ARRIVALS_PER_PAGE = 50


def _zone(meeting):
    return timezone.override(ZoneInfo(meeting.time_zone)) if meeting is not None else timezone.override(None)


# -- The participant ------------------------------------------------------------------------------------------


def _plan_initial(registration: Registration | None) -> dict:
    plan = getattr(registration, "travel_plan", None) if registration is not None else None
    if plan is None:
        return {}
    return {
        name: getattr(plan, name)
        for name in (
            "arrival_at",
            "arrival_flight",
            "arrival_airline",
            "arrival_airport",
            "departure_at",
            "departure_flight",
            "departure_airline",
            "departure_airport",
            "needs_transfer",
        )
    }


def _travel_page(request, meeting, registration, *, plan_form=None, booking_form=None, status=200):
    approved = registration is not None and registration.status == Registration.Status.APPROVED
    booking = getattr(registration, "hotel_booking", None) if registration is not None else None
    context = {"meeting": meeting, "registration": registration, "approved": approved, "booking": booking}
    if meeting is not None and approved:
        writable = may_write(meeting, request.user)
        page = Paginator(selectors.blocks_with_counts(meeting), BLOCKS_PER_PAGE).get_page(request.GET.get("page"))
        blocks = []
        for block in page.object_list:
            block.free = max(block.rooms - block.taken, 0)
            if booking_form is not None and booking_form.block.pk == block.pk:
                block.form = booking_form
            else:
                block.form = BookingForm(block=block, meeting=meeting)
            blocks.append(block)
        context.update(
            {
                "writable": writable,
                "plan_form": plan_form or TravelPlanForm(meeting=meeting, initial=_plan_initial(registration)),
                "page": page,
                "blocks": blocks,
                "query": query_without(request, "page"),
                "window": services.window(meeting),
            }
        )
    return render(request, "logistics/travel/person.html", context, status=status)


@login_required
def travel(request, number: int | None = None):
    """The participant's "Travel and hotel" page of the meeting; POST saves their arrival and departure."""
    meeting = meeting_or_current(number)
    registration = selectors.registration_for_travel(request.user, meeting)
    with _zone(meeting):
        plan_form = None
        if request.method == "POST":
            if registration is None or meeting is None:
                raise PermissionDenied
            plan_form = TravelPlanForm(request.POST, meeting=meeting)
            if plan_form.is_valid():
                try:
                    services.travel_plan_save(
                        actor=request.user, registration=registration, data=plan_form.travel_input()
                    )
                except ValidationError as error:
                    add_service_errors(plan_form, error)
                else:
                    messages.success(request, _("Your arrival and departure are saved."))
                    return redirect("logistics:travel", number=meeting.number)
        return _travel_page(request, meeting, registration, plan_form=plan_form)


@login_required
@require_POST
def travel_book(request, number: int, block_pk: int):
    """Book a room of a block for the participant's own registration."""
    meeting = meeting_or_current(number)
    block = get_object_or_404(RoomBlock.objects.select_related("hotel"), pk=block_pk, meeting=meeting)
    registration = selectors.registration_for_travel(request.user, meeting)
    if registration is None:
        raise PermissionDenied
    with _zone(meeting):
        form = BookingForm(request.POST, block=block, meeting=meeting)
        if form.is_valid():
            try:
                services.room_book(
                    actor=request.user,
                    registration=registration,
                    block=block,
                    check_in=form.cleaned_data["check_in"],
                    check_out=form.cleaned_data["check_out"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your room at %(hotel)s is booked. A confirmation is on its way by e-mail.")
                    % {"hotel": block.hotel.name},
                )
                return redirect("logistics:travel", number=meeting.number)
        return _travel_page(request, meeting, registration, booking_form=form, status=400)


@login_required
@require_POST
def travel_cancel(request, number: int):
    """Cancel the participant's own booking for the meeting."""
    meeting = meeting_or_current(number)
    registration = selectors.registration_for_travel(request.user, meeting)
    booking = getattr(registration, "hotel_booking", None) if registration is not None else None
    if booking is None:
        messages.info(request, _("You have no hotel booking for this meeting."))
        return redirect("logistics:travel", number=meeting.number)
    try:
        services.booking_cancel(actor=request.user, booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your booking at %(hotel)s is cancelled.") % {"hotel": booking.block.hotel.name})
    return redirect("logistics:travel", number=meeting.number)


# -- The Chair's office -----------------------------------------------------------------------------------------


def _manage(request, number: int):
    """The meeting of a Chair's office page that changes hotels (403 to anyone else)."""
    return chair_meeting_or_404(request.user, number, perm=MANAGE_HOTELS)


@require_GET
def hotels(request, number: int | None = None):
    """The meeting's partner hotels with their room blocks and how many rooms are booked."""
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_TRAVEL)
    page = Paginator(selectors.hotels_with_blocks(meeting), HOTELS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "logistics/travel/hotels.html",
        {
            "meeting": meeting,
            "page": page,
            "hotels": page.object_list,
            "can_manage": request.user.has_perm(MANAGE_HOTELS, meeting) and may_write(meeting, request.user),
            "query": query_without(request, "page"),
        },
    )


def hotel_form(request, number: int, pk: int | None = None):
    """Add a partner hotel, or change one."""
    meeting = _manage(request, number)
    hotel = get_object_or_404(Hotel, pk=pk, meeting=meeting) if pk is not None else None
    initial = HotelForm.initial_of(hotel) if hotel is not None else None
    form = HotelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.hotel_save(actor=request.user, meeting=meeting, data=form.hotel_input(), hotel=hotel)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(hotel)s is saved.") % {"hotel": saved.name})
            return redirect("logistics:travel_hotels", number=meeting.number)
    return render(request, "logistics/travel/hotel_form.html", {"meeting": meeting, "hotel": hotel, "form": form})


def block_form(request, number: int, hotel_pk: int | None = None, pk: int | None = None):
    """Add a room block to a hotel, or change one (its bookings listed below the form)."""
    meeting = _manage(request, number)
    if pk is not None:
        block = get_object_or_404(RoomBlock.objects.select_related("hotel"), pk=pk, meeting=meeting)
        hotel = block.hotel
        initial = BlockForm.initial_of(block)
    else:
        block = None
        hotel = get_object_or_404(Hotel, pk=hotel_pk, meeting=meeting)
        initial = BlockForm.initial_for(meeting)
    form = BlockForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.block_save(actor=request.user, hotel=hotel, data=form.block_input(), block=block)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The block “%(room_type)s” at %(hotel)s is saved.")
                % {"room_type": form.cleaned_data["room_type"], "hotel": hotel.name},
            )
            return redirect("logistics:travel_hotels", number=meeting.number)
    bookings = list(selectors.bookings_of_block(block)[:500]) if block is not None else []
    return render(
        request,
        "logistics/travel/block_form.html",
        {"meeting": meeting, "hotel": hotel, "block": block, "form": form, "bookings": bookings},
    )


@require_POST
def booking_cancel(request, number: int, pk: int):
    """The Chair's office cancels a participant's booking (the room is free again)."""
    meeting = _manage(request, number)
    booking = get_object_or_404(HotelBooking.objects.select_related("block", "registration"), pk=pk, meeting=meeting)
    try:
        services.booking_cancel(actor=request.user, booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The booking is cancelled: the room is free again."))
    return redirect("logistics:travel_block", number=meeting.number, pk=booking.block_id)


def _arrival_rows(meeting, *, transfer_only: bool):
    plans = selectors.arrivals(meeting)
    return plans.filter(needs_transfer=True) if transfer_only else plans


@require_GET
def arrivals(request, number: int | None = None):
    """The approved participants' arrivals by day and time, for the airport transfers."""
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_TRAVEL)
    transfer_only = request.GET.get("transfer") == "1"
    with _zone(meeting):
        page = Paginator(_arrival_rows(meeting, transfer_only=transfer_only), ARRIVALS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "logistics/travel/arrivals.html",
            {
                "meeting": meeting,
                "page": page,
                "days": selectors.arrivals_by_day(page.object_list, meeting),
                "transfer_only": transfer_only,
                "query": query_without(request, "page"),
            },
        )


@require_GET
def arrivals_xlsx(request, number: int):
    """The arrivals list as a spreadsheet (every cell neutralised: a flight number never runs as a formula)."""
    meeting = chair_meeting_or_404(request.user, number, perm=VIEW_TRAVEL)
    zone = meeting.time_zone
    yes, no = _("Yes"), _("No")

    def rows():
        for plan in selectors.arrivals(meeting).iterator(chunk_size=500):
            registration = plan.registration
            yield [
                naive_moment(plan.arrival_at, zone=zone),
                registration.person.display_name,
                registration.delegation.display_name,
                plan.arrival_flight,
                plan.arrival_airline,
                plan.arrival_airport,
                yes if plan.needs_transfer else no,
                selectors.hotel_of(plan),
                naive_moment(plan.departure_at, zone=zone),
                plan.departure_flight,
                plan.departure_airport,
                registration.person.email,
            ]

    header = [
        zoned_column(_("Arrival"), zone),
        _("Name"),
        _("Delegation"),
        _("Flight"),
        _("Airline"),
        _("Airport"),
        _("Transfer needed"),
        _("Hotel"),
        zoned_column(_("Departure"), zone),
        _("Departure flight"),
        _("Leaving from"),
        _("E-mail"),
    ]
    sheet = Sheet(
        title=_("Arrivals"), header=header, rows=rows(), widths=(20, 28, 24, 12, 18, 22, 10, 28, 20, 12, 22, 30)
    )
    return xlsx_response([sheet], filename=f"gfmd-{meeting.number}-arrivals.xlsx")
