"""A write to a closed meeting that no view turned into a form error: a 409 page in the portal's layout."""

from django.shortcuts import render

from roundtables.editions import MeetingClosed


class MeetingClosedMiddleware:
    """Views that show a service's ValidationError next to their form keep doing so (MeetingClosed is
    one); any other view lets it through, and the person gets this page instead of a server error:
    the meeting is closed and read-only, nothing was changed, and a link back to where they came from."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MeetingClosed):
            return None
        meeting = exception.meeting
        back = request.headers.get("referer", "")
        if not back.startswith(request.build_absolute_uri("/")):  # only our own pages
            back = ""
        return render(
            request,
            "roundtables/meeting_closed.html",
            {"closed_meeting": meeting, "message": exception.messages[0], "back": back},
            status=409,
        )
