"""The Chair's office's rooms: their names in each language (the programme and the badges show them) and seats."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gfmd.forms import add_service_errors
from roundtables import services
from roundtables.editions import MANAGE_MEETING
from roundtables.forms import RoomForm
from roundtables.models import Room
from roundtables.selectors import rooms_of
from roundtables.views._helpers import chair_meeting_required, meeting_or_404

ROOMS_PER_PAGE = 50


@chair_meeting_required()
def rooms(request, number: int | None = None):
    meeting = meeting_or_404(number)
    page = Paginator(rooms_of(meeting), ROOMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "roundtables/chair/rooms.html",
        {
            "meeting": meeting,
            "chair_section": "rooms",
            "page": page,
            "can_manage": request.user.has_perm(MANAGE_MEETING, meeting),
        },
    )


@chair_meeting_required(write=True)
def room_create(request, number: int | None = None):
    meeting = meeting_or_404(number)
    form = RoomForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            room = services.room_create(meeting=meeting, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The room %(name)s was added.") % {"name": room.name})
            return redirect("roundtables:rooms", number=meeting.number)
    return render(
        request, "roundtables/chair/room_form.html", {"meeting": meeting, "chair_section": "rooms", "form": form}
    )


@chair_meeting_required(Room, write=True)
def room_edit(request, pk: int):
    room = get_object_or_404(Room.objects.select_related("meeting"), pk=pk)
    meeting = room.meeting
    form = RoomForm(request.POST or None, instance=room, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.room_update(room=room, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The room %(name)s was saved.") % {"name": room.name})
            return redirect("roundtables:rooms", number=meeting.number)
    return render(
        request,
        "roundtables/chair/room_form.html",
        {"meeting": meeting, "chair_section": "rooms", "form": form, "room": room},
    )
