"""side_events: what it registers in the lower apps: the accepted side events as items of the public
programme page (roundtables.programme.extras), with a stamp that changes when one is accepted, moved,
declined after acceptance or withdrawn (so the page's ETag and cache key change)."""

from django.db.models import Max, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def side_event_uid(side_event) -> str:
    from roundtables.programme.ical import uid_domain

    return f"gfmd-{side_event.meeting.number}-side-event-{side_event.pk}@{uid_domain()}"


def _items(meeting):
    from logistics.selectors.side_events import accepted_side_events
    from roundtables.programme.extras import ProgrammeExtra

    return [
        ProgrammeExtra(
            label=gettext("Side event"),
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            room=event.room.name if event.room_id else "",
            organisers=event.organisers,
            description=event.description,
            uid=side_event_uid(event),
        )
        for event in accepted_side_events(meeting).select_related("meeting")
    ]


def _stamp(meeting):
    from logistics.models import SideEvent

    # Every change saves updated_at; a side event once accepted keeps accepted_at, so its later
    # withdrawal or move still changes the latest value. None: never any accepted (nothing to show).
    latest = (
        SideEvent.objects.filter(meeting_id=meeting, accepted_at__isnull=False)
        .order_by()
        .values("meeting_id")
        .annotate(latest=Max("updated_at"))
        .values("latest")
    )
    return Subquery(latest[:1])


def connect() -> None:
    from roundtables.programme.extras import ExtraProvider, register_programme_extra

    register_programme_extra(ExtraProvider(key="side_events", heading=_("Side events"), items=_items, stamp=_stamp))
