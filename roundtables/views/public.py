"""The public pages: the meeting's home page and its published programme (never the live data)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from roundtables.models import Meeting, Session
from roundtables.programme.cache import published, release_for
from roundtables.programme.ical import programme_calendar, session_calendar
from roundtables.programme.published import Programme


def _public(meeting: Meeting | None, release) -> bool:
    """The current meeting says on its pages that its programme will come; any other meeting is public
    once its programme is published and it is no longer in preparation (as in the archive)."""
    if meeting is None:
        return False
    return meeting.is_current or (release is not None and meeting.status != Meeting.Status.PLANNING)


def _programme(request, number: int | None):
    meeting, release = release_for(request, number)
    if not _public(meeting, release):
        raise Http404("No such meeting.")
    return meeting, Programme(release) if release else None


@published
def home(request):
    """The current meeting's theme, dates and venue, and its published roundtables and sessions."""
    meeting, release = release_for(request, None)
    return render(
        request,
        "roundtables/home.html",
        {"meeting": meeting, "programme": Programme(release) if release else None},
    )


@published
def programme(request, number: int | None = None):
    """The programme by day: parallel sessions side by side."""
    meeting, programme = _programme(request, number)
    return render(request, "roundtables/public/programme.html", {"meeting": meeting, "programme": programme})


@published
def programme_version(request, number: int, version: int):
    """One published version as it was, at its own address; an earlier one says which version replaced it
    and when, and links to the latest."""
    meeting, latest = release_for(request, number)
    if latest is None or not _public(meeting, latest):
        raise Http404("No such meeting.")
    releases = {r.version: r for r in meeting.releases.filter(version__in=[version, version + 1])}
    if version not in releases:
        raise Http404("No such version of the programme.")
    return render(
        request,
        "roundtables/public/programme.html",
        {
            "meeting": meeting,
            "programme": Programme(releases[version]),
            "latest": latest,
            # The version that replaced this one (None for the latest).
            "superseded_by": releases.get(version + 1),
        },
    )


@published
def roundtable_detail(request, number: int, rt: int):
    meeting, programme = _programme(request, number)
    roundtable = programme.roundtable(rt) if programme else None
    if roundtable is None:
        raise Http404("No such roundtable in the published programme.")
    return render(
        request,
        "roundtables/public/roundtable_detail.html",
        {"meeting": meeting, "programme": programme, "roundtable": roundtable},
    )


@published
def session_detail(request, number: int, pk: int):
    meeting, programme = _programme(request, number)
    item = programme.session(pk) if programme else None
    if item is None:
        raise Http404("No such session in the published programme.")
    # The live session, for what other apps show at the end of the page (its published papers, its outcome).
    session = Session.objects.select_related("meeting").filter(pk=pk, meeting=meeting).first()
    can_edit = (
        request.user.is_authenticated
        and session is not None
        and request.user.has_perm("roundtables.edit_session_description", session)
    )
    return render(
        request,
        "roundtables/public/session_detail.html",
        {"meeting": meeting, "programme": programme, "item": item, "session": session, "can_edit": can_edit},
    )


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@published
def programme_ics(request, number: int):
    meeting, programme = _programme(request, number)
    if programme is None:
        raise Http404("The programme has not been published yet.")
    return _calendar_response(programme_calendar(programme, request), f"gfmd-{meeting.number}-programme.ics")


@published
def session_ics(request, number: int, pk: int):
    meeting, programme = _programme(request, number)
    item = programme.session(pk) if programme else None
    if item is None or item.starts_at is None:
        raise Http404("No such session in the published programme.")
    return _calendar_response(session_calendar(programme, item, request), f"gfmd-{meeting.number}-{item.code}.ics")
