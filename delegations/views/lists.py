"""Lists of registrations: the managers' filterable list and its exports, and the public list
of participants."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from delegations import exports
from delegations.filters import RegistrationFilter
from delegations.selectors import public_participants, registrations_visible_to
from roundtables.editions import VIEW_MEETING_RECORDS, chair_meeting_or_404, meeting_or_current
from roundtables.selectors import published_meetings

PAGE_SIZE = 50
EXPORT_FORMATS = ("csv", "xlsx")
LIST_REGISTRATIONS = "delegations.list_registrations"


# A page of the public list: a few dozen delegations' cards.
PARTICIPANTS_PER_PAGE = 200


def _filtered(request, meeting) -> RegistrationFilter:
    return RegistrationFilter(
        request.GET or None,
        queryset=registrations_visible_to(request.user, meeting=meeting),
        request=request,
        meeting=meeting,
    )


def registration_list(request, number: int | None = None):
    """Every registration of the meeting the user manages (all of them for the Chair's office), filterable.

    The list's rule is asked about the meeting itself, so that a rule scoped to meetings refuses a
    person the meeting they have no part in."""
    meeting = chair_meeting_or_404(request.user, number, perm=LIST_REGISTRATIONS)
    filterset = _filtered(request, meeting)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    # The one delegation chosen by its id (from its page's link), shown with a way to drop it.
    chosen = filterset.form.cleaned_data.get("delegation") if filterset.is_bound else None
    without_chosen = query.copy()
    without_chosen.pop("delegation", None)
    return render(
        request,
        "delegations/registration_list.html",
        {
            "meeting": meeting,
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "chosen_delegation": chosen,
            "without_chosen": without_chosen.urlencode(),
        },
    )


def registration_export(request, file_format: str, number: int | None = None):
    """The filtered list as CSV or XLSX: the same rows the list shows, never more."""
    if file_format not in EXPORT_FORMATS:
        raise Http404
    meeting = chair_meeting_or_404(request.user, number, perm=LIST_REGISTRATIONS)
    # Read in chunks as the file is written (gfmd.streaming), never the whole list at once.
    registrations = _filtered(request, meeting).qs.iterator(chunk_size=500)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"gfmd-registrations-{meeting.number}-{stamp}.{file_format}"
    zone = meeting.time_zone  # the times in the host city's zone, named in the header
    if file_format == "xlsx":
        return exports.xlsx_response(registrations, title=_("Registrations"), zone=zone, filename=name)
    return exports.csv_response(registrations, zone=zone, filename=name)


def _public_meeting_or_404(request, number: int | None):
    """The current meeting, or one of the public archive; a meeting still in preparation is shown
    only to those who may read its records (the Chair's office)."""
    meeting = meeting_or_current(number)
    if (
        meeting is not None
        and not meeting.is_current
        and not published_meetings().filter(pk=meeting.pk).exists()
        and not request.user.has_perm(VIEW_MEETING_RECORDS, meeting)
    ):
        raise Http404
    return meeting


def participants(request, number: int | None = None):
    """The public list of participants: approved, and only those who agreed to be listed."""
    meeting = _public_meeting_or_404(request, number)
    listed = public_participants(meeting=meeting)
    page = Paginator(listed, PARTICIPANTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "delegations/participants.html",
        {
            "meeting": meeting,
            "page": page,
            "participants": page.object_list,
            # Counted by the database, for the whole list, not the page.
            "delegation_count": listed.aggregate(n=Count("delegation", distinct=True))["n"],
        },
    )
