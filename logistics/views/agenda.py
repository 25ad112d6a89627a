"""agenda: a participant's personal agenda page (their sessions and side events, in time order, in the
meeting's zone) with its secret calendar address, the "Make a new address" action, and the feed itself
(no sign-in: the address is the key; an unknown or replaced address answers 404)."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_GET, require_POST
from icalendar import Calendar, Event

from accounts.invitations import hash_token
from logistics.selectors import agenda as selectors
from logistics.services import agenda as services
from roundtables.editions import meeting_or_current
from roundtables.programme.ical import PRODID


def _meeting(number):
    meeting = meeting_or_current(number)
    if meeting is None:
        raise Http404("No meeting is current.")
    return meeting


@login_required
def agenda(request, number=None):
    meeting = _meeting(number)
    items = selectors.agenda_items(request.user, meeting)
    feed = services.agenda_feed_for(person=request.user, meeting=meeting)
    feed_url = request.build_absolute_uri(reverse("logistics:agenda_feed", kwargs={"token": services.token_of(feed)}))
    with timezone.override(ZoneInfo(meeting.time_zone)):
        return render(
            request,
            "logistics/agenda/agenda.html",
            {
                "meeting": meeting,
                "timed": [item for item in items if item.starts_at],
                "untimed": [item for item in items if not item.starts_at],
                "feed_url": feed_url,
            },
        )


@login_required
@require_POST
def agenda_renew(request, number):
    meeting = _meeting(number)
    services.agenda_feed_renew(person=request.user, meeting=meeting)
    messages.success(request, _("Your calendar has a new address. The old address no longer works."))
    return redirect("logistics:agenda", number=meeting.number)


def agenda_calendar(feed, request) -> bytes:
    meeting, person = feed.meeting, feed.person
    zone = ZoneInfo(meeting.time_zone)
    stamp = timezone.now().replace(microsecond=0)
    events = []
    with override(person.preferred_language or None):
        items = selectors.agenda_items(person, meeting)
        for item in items:
            if not (item.starts_at and item.ends_at):
                continue
            location = ", ".join(part for part in (item.room, meeting.venue, meeting.city) if part)
            fields = {
                "uid": item.uid,
                "summary": item.title if item.kind == "session" else f"{item.label}: {item.title}",
                "start": item.starts_at.astimezone(zone),
                "end": item.ends_at.astimezone(zone),
                "location": location,
                "categories": [item.label],
                "stamp": stamp,
            }
            if item.session_id:
                fields["url"] = request.build_absolute_uri(
                    reverse("roundtables:session_detail", kwargs={"number": meeting.number, "pk": item.session_id})
                )
            if item.organisers:
                fields["description"] = _("Organisers: %(names)s") % {"names": item.organisers}
            events.append(Event.new(**fields))
        name = _("%(meeting)s: my agenda") % {"meeting": meeting.title}
    calendar = Calendar.new(prodid=PRODID, name=name, method="PUBLISH", subcomponents=events)
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", meeting.time_zone)
    calendar.add_missing_timezones()
    return calendar.to_ical()


@require_GET
def agenda_feed(request, token: str):
    if len(token) > 100:
        raise Http404
    feed = selectors.feed_by_token_hash(hash_token(token))
    if feed is None or not feed.person.is_active:
        raise Http404("No such calendar.")
    response = HttpResponse(agenda_calendar(feed, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="gfmd-{feed.meeting.number}-agenda.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
