"""HTTP validators for the public programme pages: a published version never changes, so a browser or a
cache that holds a page answers from it after a 304 (django.views.decorators.http.condition).

The ETag names what the page shows: the meeting, the release's version, the reader's language, the
templates and static files in use, and whatever other apps show on the page (`register_page_stamp`, and
the programme extras' stamps: `roundtables.programme.extras`).
Signed-in readers and pages with a pending message get no validators: their pages carry personal parts.
"""

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.db.models import Expression, OuterRef
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from roundtables.models import Meeting, ProgrammeRelease
from roundtables.programme import extras

# Anonymous readers may reuse a page for a minute before asking again (then usually a 304).
PUBLIC_MAX_AGE = 60

# Another app's stamp of a session page: `stamp(session_id, meeting)` gives a query expression (usually a
# Subquery) whose value changes when what that app shows on the page changes; `meeting` is the meeting's id
# as an expression on the release's row (an OuterRef).
PageStamp = Callable[[int, Expression], Expression]

_page_stamps: list[PageStamp] = []


def register_page_stamp(stamp: PageStamp) -> PageStamp:
    """For another app that adds content to the public session page (published papers, outcomes):
    `stamp(session_id, meeting)` returns a query expression that changes when that content changes.
    Register it in the app's AppConfig.ready(). The release is read with every stamp in one query
    (`release_for`), and the stamps join the page's ETag and its cache key."""
    _page_stamps.append(stamp)
    return stamp


def _stamp_expressions(session_id: int | None) -> dict[str, Expression]:
    """The session page's stamps (for a session) and the programme extras' (roundtables.programme.extras:
    side events...) on every page of the meeting."""
    meeting = OuterRef("meeting_id")
    expressions = {}
    if session_id is not None:
        expressions = {f"page_stamp_{index}": stamp(session_id, meeting) for index, stamp in enumerate(_page_stamps)}
    return {**expressions, **extras.stamp_expressions(meeting)}


def page_stamps(release: ProgrammeRelease, session_id: int | None) -> list[str]:
    """The other apps' stamps of a page of the release's meeting (the session page's for a session, the
    programme extras' on every page). Read with the release by `release_for`, otherwise here in one
    query; kept on the release, so the ETag and the page cache's key read them once."""
    return list(stamp_values(release, session_id).values())


def stamp_values(release: ProgrammeRelease, session_id: int | None) -> dict[str, str]:
    """The stamps by name (`page_stamps`), for a page that reads the extras' own (`extras.programme_extras`)."""
    memo = release.__dict__.setdefault("_page_stamps", {})
    if session_id not in memo:
        expressions = _stamp_expressions(session_id)
        if not expressions:
            memo[session_id] = {}
        else:
            row = ProgrammeRelease.objects.filter(pk=release.pk).annotate(**expressions).values_list(*expressions).get()
            memo[session_id] = {name: str(value) for name, value in zip(expressions, row, strict=True)}
    return memo[session_id]


@functools.cache
def code_revision() -> str:
    """Changes when a template or a static file changes (a deployment), so no page outlives its code."""
    digest = hashlib.sha256()
    roots = [Path(settings.BASE_DIR) / "templates", *(Path(p) for p in settings.STATICFILES_DIRS)]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:16]


def release_for(
    request, number: int | None, session_id: int | None = None
) -> tuple[Meeting | None, ProgrammeRelease | None]:
    """The meeting (by number, or the current one) and its latest release, read once per request in one
    query; for a session's page (`session_id`) the same query reads the other apps' stamps of the page
    (`page_stamps`). The release's snapshot is left out (deferred): a 304 or a page served from the cache
    never reads it; `Programme(release)` reads it when a page is rendered."""
    cache = request.__dict__.setdefault("_programme_releases", {})
    if number not in cache:
        releases = ProgrammeRelease.objects.select_related("meeting").defer("snapshot")
        releases = (
            releases.filter(meeting__is_current=True) if number is None else releases.filter(meeting__number=number)
        )
        expressions = _stamp_expressions(session_id)
        release = releases.annotate(**expressions).order_by("-version").first()
        if release is not None:
            meeting = release.meeting
            release.__dict__["_page_stamps"] = {session_id: {name: str(getattr(release, name)) for name in expressions}}
        else:
            meeting = Meeting.objects.current() if number is None else Meeting.objects.filter(number=number).first()
        cache[number] = (meeting, release)
    return cache[number]


def _cacheable(request) -> bool:
    return not request.user.is_authenticated and len(messages.get_messages(request)) == 0


def programme_etag(request, number: int | None = None, pk: int | None = None, **kwargs) -> str | None:
    # `pk` is a session's (the session page and its iCalendar file): its stamps are read with the release.
    if not _cacheable(request):
        return None
    meeting, release = release_for(request, number, pk)
    if release is None:
        return None
    parts = [code_revision(), meeting.number, meeting.status, release.version, translation.get_language(), request.path]
    parts += page_stamps(release, pk)
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]


def programme_last_modified(request, number: int | None = None, pk: int | None = None, **kwargs):
    if not _cacheable(request):
        return None
    _meeting, release = release_for(request, number, pk)
    return release.published_at if release else None


def published(view):
    """A public page of the published programme: answers 304 to a conditional GET that names the same
    version, and tells caches how long to keep it."""
    conditional = condition(etag_func=programme_etag, last_modified_func=programme_last_modified)(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.has_header("ETag"):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper
