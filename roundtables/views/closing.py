"""The Chair's office closes a meeting's record, and opens and ends corrections of a closed one. Each is
a confirmation page (GET) and its form (POST); the services check the rule and the state again."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gfmd.forms import add_service_errors
from roundtables import services
from roundtables.editions import CORRECT_MEETING, chair_meeting_or_404
from roundtables.models import MeetingCorrection
from roundtables.services.closing import CLOSE_MEETING, close_refusal


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why does the closed record need a correction?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the activity log with every change made during the correction."),
    )


def _details(meeting):
    return redirect("roundtables:meeting_edit", number=meeting.number)


def meeting_close(request, number: int):
    meeting = chair_meeting_or_404(request.user, number, perm=CLOSE_MEETING)
    refusal = close_refusal(meeting)
    if request.method == "POST":
        try:
            services.meeting_close(meeting=meeting, actor=request.user)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, _("%(meeting)s is closed: its record is read-only.") % {"meeting": meeting.title})
            return _details(meeting)
    return render(
        request,
        "roundtables/chair/meeting_close.html",
        {"meeting": meeting, "chair_section": "dashboard", "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


def correction_open(request, number: int):
    meeting = chair_meeting_or_404(request.user, number, perm=CORRECT_MEETING)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_correction_open(meeting=meeting, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("A correction of %(meeting)s is open: your changes are logged with its reason. End it when done.")
                % {"meeting": meeting.title},
            )
            return _details(meeting)
    return render(
        request,
        "roundtables/chair/correction_open.html",
        {"meeting": meeting, "chair_section": "dashboard", "form": form},
    )


def correction_end(request, pk: int):
    correction = get_object_or_404(MeetingCorrection.objects.select_related("meeting", "opened_by"), pk=pk)
    meeting = chair_meeting_or_404(request.user, correction.meeting.number, perm=CORRECT_MEETING)
    error = ""
    if request.method == "POST":
        try:
            services.meeting_correction_end(correction=correction, actor=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("The correction has ended: %(meeting)s is read-only again.") % {"meeting": meeting.title}
            )
            return _details(meeting)
    return render(
        request,
        "roundtables/chair/correction_end.html",
        {"meeting": meeting, "chair_section": "dashboard", "correction": correction, "error": error},
    )
