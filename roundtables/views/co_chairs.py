"""Co-chairs edit their own session's description and team notes; nothing else, and nobody else's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gfmd.forms import add_service_errors
from roundtables import services
from roundtables.editions import meeting_or_current
from roundtables.forms import CoChairSessionForm
from roundtables.models import ProgrammeRelease, Session
from roundtables.selectors import sessions_co_chaired_by
from roundtables.views._helpers import meeting_time


@login_required
def my_sessions(request, number: int | None = None):
    meeting = meeting_or_current(number)
    sessions = list(sessions_co_chaired_by(request.user, meeting=meeting))
    release = ProgrammeRelease.objects.latest_for(meeting) if meeting and sessions else None
    published_ids = {item["id"] for item in release.snapshot["sessions"]} if release else set()
    with meeting_time(meeting):
        return render(
            request,
            "roundtables/co_chairs/my_sessions.html",
            {"meeting": meeting, "sessions": sessions, "published_ids": published_ids},
        )


@login_required
def session_edit(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("meeting", "roundtable", "room"), pk=pk)
    if not request.user.has_perm("roundtables.edit_session_description", session):
        raise Http404("No such session among yours.")
    form = CoChairSessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_description_update(session=session, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The description of %(code)s was saved. The public programme shows it once the Chair's "
                    "office publishes its next version."
                )
                % {"code": session.code},
            )
            return redirect("roundtables:my_sessions", number=session.meeting.number)
    with meeting_time(session.meeting):
        return render(
            request,
            "roundtables/co_chairs/session_edit.html",
            {"meeting": session.meeting, "session": session, "form": form},
        )
