"""The public pages: the meeting's home page and its published programme (never the live data)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from roundtables.models import Meeting, Session
from roundtables.programme.cache import published, release_for
from roundtables.programme.ical import programme_calendar, session_calendar
from roundtables.programme.pages import RenderedPage, rendered_page, with_personal
from roundtables.programme.published import Programme
from roundtables.programme.whole import markers, whole_page


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


def _page(request, meeting, release, kind: str, pk: int | None = None, *, newest=None, personal: str = "", **extra):
    """The layout of the reader around the page's body rendered once (roundtables.programme.pages)."""
    page = rendered_page(kind, meeting, release, newest or release, pk, **extra)
    return render(
        request,
        "roundtables/public/published_page.html",
        {"meeting": meeting, "page": page, "body": with_personal(page, personal), **markers(request)},
    )


def _unpublished(request, meeting, template: str, title: str):
    """A page of a meeting whose programme is not published yet: nothing to keep, rendered each time."""
    page = RenderedPage(title or _("GFMD Meeting Portal"), render_to_string(template, {"meeting": meeting}))
    return render(
        request,
        "roundtables/public/published_page.html",
        {"meeting": meeting, "page": page, "body": with_personal(page)},
    )


@published
@whole_page
def home(request):
    """The current meeting's theme, dates and venue, and its published roundtables and sessions."""
    meeting, release = release_for(request, None)
    if release is None:
        # Nothing published yet (or no current meeting): the page says the programme will come.
        return _unpublished(request, meeting, "roundtables/public/_home_body.html", meeting.title if meeting else "")
    return _page(request, meeting, release, "home")


def _booklet_request(request, meeting, release) -> str:
    if not request.user.is_authenticated:
        return ""
    return render_to_string(
        "roundtables/public/_programme_personal.html", {"meeting": meeting, "release": release}, request=request
    )


@published
@whole_page
def programme(request, number: int | None = None):
    """The programme by day: parallel sessions side by side."""
    meeting, release = release_for(request, number)
    if not _public(meeting, release):
        raise Http404("No such meeting.")
    if release is None:
        return _unpublished(request, meeting, "roundtables/public/_programme_body.html", _("Programme"))
    return _page(request, meeting, release, "programme", personal=_booklet_request(request, meeting, release))


@published
@whole_page
def programme_version(request, number: int, version: int):
    """One published version as it was, at its own address; an earlier one says which version replaced it
    and when, and links to the latest."""
    meeting, latest = release_for(request, number)
    if latest is None or not _public(meeting, latest):
        raise Http404("No such meeting.")
    releases = {
        r.version: r
        for r in meeting.releases.defer("snapshot").filter(version__in=[version, version + 1]).select_related("meeting")
    }
    if version not in releases:
        raise Http404("No such version of the programme.")
    return _page(
        request,
        meeting,
        releases[version],
        "programme",
        newest=latest,
        personal=_booklet_request(request, meeting, releases[version]),
        # The version that replaced this one (None for the latest).
        superseded_by=releases.get(version + 1),
        latest=latest,
    )


@published
@whole_page
def roundtable_detail(request, number: int, rt: int):
    meeting, release = release_for(request, number)
    if release is None or not _public(meeting, release):
        raise Http404("No such roundtable in the published programme.")
    return _page(request, meeting, release, "roundtable", rt)


@published
@whole_page
def session_detail(request, number: int, pk: int):
    meeting, release = release_for(request, number, pk)
    if release is None or not _public(meeting, release):
        raise Http404("No such session in the published programme.")
    personal = ""
    if request.user.is_authenticated:
        session = Session.objects.select_related("meeting").filter(pk=pk, meeting=meeting).first()
        if session is not None and request.user.has_perm("roundtables.edit_session_description", session):
            personal = render_to_string("roundtables/public/_session_detail_personal.html", {"session": session})
    return _page(request, meeting, release, "session", pk, personal=personal)


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
