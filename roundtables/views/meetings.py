"""The Chair's office edits the meeting's details, copies its structure into next year's meeting and hands
over (makes another meeting the current one)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gfmd.forms import add_service_errors
from roundtables import services
from roundtables.editions import VIEW_MEETING_RECORDS, open_correction
from roundtables.forms import MeetingCopyForm, MeetingForm, MeetingPrepareForm
from roundtables.services.closing import close_refusal
from roundtables.views._helpers import chair_meeting_required, meeting_or_404


@chair_meeting_required(write=True)
def meeting_edit(request, number: int | None = None):
    meeting = meeting_or_404(number)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting's details were saved."))
            return redirect("roundtables:chair_dashboard", number=meeting.number)
    return render(
        request,
        "roundtables/chair/meeting_form.html",
        {
            "meeting": meeting,
            "chair_section": "dashboard",
            "form": form,
            # The record: who closed it and when, the correction open on it, or why it cannot be closed yet.
            "close_refusal": None if meeting.is_closed else close_refusal(meeting),
            "correction": open_correction(meeting),
            "corrections": meeting.corrections.select_related("opened_by", "ended_by")[:10],
        },
    )


@chair_meeting_required(write=True)
def meeting_copy(request, number: int | None = None):
    source = meeting_or_404(number)
    form = MeetingCopyForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_copy(source=source, actor=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(title)s was created with the structure of %(source)s. Its teams are yours to form.")
                % {"title": meeting.title, "source": source.title},
            )
            # The new meeting's own staff are invited on its staff page; outside the copier's troika (a
            # meeting two or more after theirs) they stay on their own meeting.
            if not request.user.has_perm(VIEW_MEETING_RECORDS, meeting):
                return redirect("roundtables:chair_dashboard", number=source.number)
            return redirect("roundtables:chair_dashboard", number=meeting.number)
    return render(
        request,
        "roundtables/chair/meeting_copy.html",
        {
            "meeting": source,
            "chair_section": "copy",
            "form": form,
            "counts": {
                "rooms": source.rooms.count(),
                "roundtables": source.roundtables.count(),
                "sessions": source.sessions.count(),
            },
        },
    )


@chair_meeting_required(write=True)
def meeting_prepare(request, number: int | None = None):
    """The handover: the next meeting, its chairing government and its own Chair's office."""
    source = meeting_or_404(number)
    form = MeetingPrepareForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        chair_country, staff_emails = fields.pop("chair_country"), fields.pop("staff_emails")
        try:
            meeting = services.meeting_prepare(
                meeting=source,
                actor=request.user,
                chair_country=chair_country,
                staff_emails=staff_emails,
                fields=fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(title)s was prepared with the structure of %(source)s, and its Chair's office was invited. "
                    "You can read its preparation; its own staff change it."
                )
                % {"title": meeting.title, "source": source.title},
            )
            return redirect("roundtables:chair_dashboard", number=meeting.number)
    return render(
        request,
        "roundtables/chair/meeting_prepare.html",
        {
            "meeting": source,
            "chair_section": "copy",
            "form": form,
            "counts": {
                "rooms": source.rooms.count(),
                "roundtables": source.roundtables.count(),
                "sessions": source.sessions.count(),
            },
        },
        status=400 if form.errors else 200,
    )


@chair_meeting_required(write=True)
@require_POST
def meeting_make_current(request, number: int):
    meeting = meeting_or_404(number)
    services.meeting_make_current(meeting=meeting, actor=request.user)
    messages.success(request, _("%(title)s is now the current meeting.") % {"title": meeting.title})
    return redirect("roundtables:chair_dashboard")
