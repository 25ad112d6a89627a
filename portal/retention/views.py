"""The Chair's office's retention page: what anonymising a closed meeting erases, and the action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gfmd.forms import add_service_errors
from portal.retention import services
from portal.retention.forms import AnonymiseConfirmForm
from roundtables.editions import MANAGE_MEETING, chair_meeting_or_404


@login_required
def meeting_retention(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_MEETING)
    refusal = services.anonymisation_refusal(meeting)
    form = AnonymiseConfirmForm(request.POST or None, meeting=meeting)
    status = 200
    if request.method == "POST":
        if refusal is None and form.is_valid():
            try:
                services.meeting_anonymise(actor=request.user, meeting=meeting)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The personal data of %(meeting)s has been anonymised.") % {"meeting": meeting.title}
                )
                return redirect("retention:meeting", number=meeting.number)
        status = 400
    record = services.existing_anonymisation(meeting)
    return render(
        request,
        "portal/retention/meeting.html",
        {
            "meeting": meeting,
            "refusal": refusal,
            "record": record,
            "counts": record.counts if record else services.anonymisation_preview(meeting),
            "anonymisable_from": services.anonymisable_from(meeting),
            "form": form,
            "chair_section": "retention",
        },
        status=status,
    )
