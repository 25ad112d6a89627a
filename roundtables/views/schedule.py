"""The Chair's office schedule: days by rooms, with every clash shown."""

from django.shortcuts import render

from roundtables.schedule import schedule_grid
from roundtables.views._helpers import chair_meeting_required, meeting_or_404, meeting_time


@chair_meeting_required()
def schedule(request, number: int | None = None):
    meeting = meeting_or_404(number)
    with meeting_time(meeting):
        return render(
            request,
            "roundtables/chair/schedule.html",
            {"meeting": meeting, "chair_section": "schedule", "grid": schedule_grid(meeting)},
        )
