"""The public archive: every published meeting, newest first, and each meeting's page (its programme,
outcomes and library). A meeting still in preparation is not public: absent from the list, 404 on its page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from roundtables.programme.published import latest_programme
from roundtables.selectors import published_meetings

# A short list (one meeting a year), but no public page is unbounded.
PER_PAGE = 20


def meeting_list(request):
    page = Paginator(published_meetings(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "roundtables/public/meeting_list.html", {"page": page})


def meeting_detail(request, number: int):
    meeting = get_object_or_404(published_meetings(), number=number)
    # Its roundtables as the public last saw them: the latest published version, never the live data.
    return render(
        request,
        "roundtables/public/meeting_detail.html",
        {"meeting": meeting, "programme": latest_programme(meeting)},
    )
