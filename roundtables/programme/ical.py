"""The published programme as iCalendar (RFC 5545): the whole programme, or one session.

Times carry the meeting's time zone (TZID with its VTIMEZONE); each session keeps one UID across
versions, and SEQUENCE is the release's version, so a calendar updates the event instead of adding one."""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from roundtables.programme.published import Programme, PublishedSession

PRODID = "-//GFMD Meeting Portal//Programme//EN"


def uid_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "gfmd-portal"


def session_uid(meeting_number: int, session_id: int) -> str:
    return f"gfmd-{meeting_number}-session-{session_id}@{uid_domain()}"


def _description(programme: Programme, session: PublishedSession, url: str) -> str:
    lines = [session.description] if session.description else []
    if session.co_chairs:
        lines.append(_("Co-chairs: %(names)s") % {"names": ", ".join(session.co_chairs)})
    if session.moderators:
        lines.append(_("Moderator: %(names)s") % {"names": ", ".join(p.name for p in session.moderators)})
    if session.rapporteurs:
        lines.append(_("Rapporteur: %(names)s") % {"names": ", ".join(p.name for p in session.rapporteurs)})
    if session.heads_only:
        lines.append(_("For heads of delegation only."))
    lines.append(url)
    return "\n\n".join(lines)


def _event(programme: Programme, session: PublishedSession, request) -> Event:
    zone = ZoneInfo(programme.meeting.time_zone)
    meeting = programme.meeting
    url = request.build_absolute_uri(
        reverse("roundtables:session_detail", kwargs={"number": meeting.number, "pk": session.id})
    )
    location = ", ".join(part for part in (session.room, meeting.venue, meeting.city) if part)
    release = programme.release
    return Event.new(
        uid=session_uid(meeting.number, session.id),
        summary=f"{session.code} {session.title}",
        description=_description(programme, session, url),
        start=session.starts_at.astimezone(zone),
        end=session.ends_at.astimezone(zone),
        location=location,
        url=url,
        categories=[session.kind_label],
        sequence=release.version,
        stamp=release.published_at,
        last_modified=release.published_at,
    )


def _calendar(programme: Programme, sessions: list[PublishedSession], request, name: str) -> bytes:
    calendar = Calendar.new(
        prodid=PRODID,
        name=name,
        method="PUBLISH",
        last_modified=programme.release.published_at,
        subcomponents=[_event(programme, s, request) for s in sessions if s.starts_at and s.ends_at],
    )
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", programme.meeting.time_zone)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def programme_calendar(programme: Programme, request) -> bytes:
    name = _("%(meeting)s: programme") % {"meeting": programme.meeting.title}
    return _calendar(programme, programme.sessions, request, name)


def session_calendar(programme: Programme, session: PublishedSession, request) -> bytes:
    return _calendar(programme, [session], request, f"{session.code} {session.title}")
