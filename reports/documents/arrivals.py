"""arrivals: the approved participants' arrivals of a meeting by day and time, for the airport transfers
(issue 20, travel and hotel). Restricted to the Chair's office (the meeting's and the troika's): it holds
people's flights and hotels. Times in the meeting's zone."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Registration
from gfmd.timeranges import zone_name
from logistics.models import TravelPlan
from logistics.selectors.travel import arrivals, arrivals_by_day
from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    render_document,
)
from reports.registry import Offer, Part, Renderer, register

ARRIVALS_PER_PART = 500  # about 20 pages: a part's layout stays small however long the list


def arrival_parts(meeting):
    """The list in parts of about ARRIVALS_PER_PART arrivals, cut between days where it can."""
    zone = ZoneInfo(meeting.time_zone)
    plans = arrivals(meeting)
    base = {
        "meeting": meeting,
        "total": plans.count(),
        "transfers": plans.filter(needs_transfer=True).count(),
        "zone": zone_name(zone),
    }
    chunk, first = [], True
    for plan in plans.iterator(chunk_size=1000):
        chunk.append(plan)
        if len(chunk) >= ARRIVALS_PER_PART:
            yield Part(_render(base, chunk, meeting, first))
            chunk, first = [], False
    if chunk or first:
        yield Part(_render(base, chunk, meeting, first))


def _render(base: dict, plans: list, meeting, first: bool) -> str:
    # The times in the host city's clock, whatever the worker's zone.
    with timezone.override(ZoneInfo(meeting.time_zone)):
        return render_document(
            "logistics/travel/arrivals_pdf.html",
            {**base, "days": arrivals_by_day(plans, meeting), "first_part": first},
        )


def can_access(user, params) -> bool:
    return chair_reads_params(user, params)


def unavailable(params: dict) -> str | None:
    # One query, by the meeting's id (the reports page asks every offer).
    plans = TravelPlan.objects.filter(
        meeting_id=params.get("meeting"), registration__status=Registration.Status.APPROVED
    )
    if not params.get("meeting") or not plans.exists():
        return gettext("No approved participant has entered an arrival yet.")
    return None


def build(params: dict):
    yield from arrival_parts(load_meeting(params))


def part_count(params: dict) -> int:
    meeting = meeting_of(params)
    if meeting is None:
        return 1
    return max(1, -(-arrivals(meeting).count() // ARRIVALS_PER_PART))


def title(params: dict) -> str:
    meeting = meeting_of(params)
    return gettext("Arrivals") + (f" · {meeting.title}" if meeting else "")


def offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    return [
        Offer(
            kind="arrivals",
            label=_("Arrivals"),
            description=_("The approved participants' arrivals by day and time, with flights, transfers and hotels."),
            params={"meeting": meeting.pk},
            restricted=True,
        )
    ]


register(
    Renderer(
        kind="arrivals",
        label=_("Arrivals"),
        description=_("Arrivals by day and time, for the airport transfers."),
        can_access=can_access,
        build=build,
        filename=lambda params: meeting_filename(params, "arrivals"),
        clean_params=clean_meeting,
        part_count=part_count,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=37,
    )
)
