"""Lists of registrations: the managers' filterable list and its exports, and the public list
of participants."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from delegations import exports
from delegations.filters import RegistrationFilter
from delegations.selectors import public_participants, registrations_visible_to
from roundtables.selectors import current_meeting

PAGE_SIZE = 50


def _filtered(request, meeting) -> RegistrationFilter:
    return RegistrationFilter(
        request.GET or None,
        queryset=registrations_visible_to(request.user, meeting=meeting),
        request=request,
        meeting=meeting,
    )


@permission_required("delegations.list_registrations", raise_exception=True)
def registration_list(request):
    """Every registration the user manages (all of them for the Chair's office), filterable."""
    meeting = current_meeting()
    filterset = _filtered(request, meeting)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "delegations/registration_list.html",
        {"meeting": meeting, "filter": filterset, "page": page, "query": query.urlencode()},
    )


@permission_required("delegations.list_registrations", raise_exception=True)
def registration_export(request, file_format: str):
    """The filtered list as CSV or XLSX: the same rows the list shows, never more."""
    meeting = current_meeting()
    registrations = list(_filtered(request, meeting).qs)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"gfmd-registrations-{meeting.number if meeting else 'none'}-{stamp}"
    zone = meeting.time_zone if meeting else None  # the times in the host city's zone, named in the header
    if file_format == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(registrations, title=_("Registrations"), zone=zone),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.as_csv(registrations, zone=zone), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response


def participants(request):
    """The public list of participants: approved, and only those who agreed to be listed."""
    meeting = current_meeting()
    return render(
        request,
        "delegations/participants.html",
        {"meeting": meeting, "participants": list(public_participants(meeting=meeting))},
    )
