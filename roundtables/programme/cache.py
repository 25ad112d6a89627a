"""HTTP validators for the public programme pages: a published version never changes, so a browser or a
cache that holds a page answers from it after a 304 (django.views.decorators.http.condition).

The ETag names what the page shows: the meeting, the release's version, the reader's language, the
templates and static files in use, and whatever other apps show on the page (`register_page_stamp`).
Signed-in readers and pages with a pending message get no validators: their pages carry personal parts.
"""

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from roundtables.models import Meeting, ProgrammeRelease

# Anonymous readers may reuse a page for a minute before asking again (then usually a 304).
PUBLIC_MAX_AGE = 60

_page_stamps: list[Callable[[int, int | None], str]] = []


def register_page_stamp(stamp: Callable[[int, int | None], str]) -> Callable[[int, int | None], str]:
    """For another app that adds content to the public programme pages (published papers, outcomes):
    `stamp(meeting_number, session_id_or_None)` returns a short string that changes when that content
    changes. Register it in the app's AppConfig.ready(); it joins the pages' ETag and their cache key."""
    _page_stamps.append(stamp)
    return stamp


def page_stamps(meeting_number: int, session_id: int | None, request=None) -> list[str]:
    """The other apps' stamps of a page, read once per request (the ETag and the page cache's key both
    name them)."""
    if request is None:
        return [stamp(meeting_number, session_id) for stamp in _page_stamps]
    memo = request.__dict__.setdefault("_page_stamps", {})
    if (meeting_number, session_id) not in memo:
        memo[meeting_number, session_id] = page_stamps(meeting_number, session_id)
    return memo[meeting_number, session_id]


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


def release_for(request, number: int | None) -> tuple[Meeting | None, ProgrammeRelease | None]:
    """The meeting (by number, or the current one) and its latest release, read once per request in one
    query. The release's snapshot is left out (deferred): a 304 or a page served from the cache never
    reads it; `Programme(release)` reads it when a page is rendered."""
    cache = request.__dict__.setdefault("_programme_releases", {})
    if number not in cache:
        releases = ProgrammeRelease.objects.select_related("meeting").defer("snapshot")
        releases = (
            releases.filter(meeting__is_current=True) if number is None else releases.filter(meeting__number=number)
        )
        release = releases.order_by("-version").first()
        if release is not None:
            meeting = release.meeting
        else:
            meeting = Meeting.objects.current() if number is None else Meeting.objects.filter(number=number).first()
        cache[number] = (meeting, release)
    return cache[number]


def _cacheable(request) -> bool:
    return not request.user.is_authenticated and len(messages.get_messages(request)) == 0


def programme_etag(request, number: int | None = None, pk: int | None = None, **kwargs) -> str | None:
    if not _cacheable(request):
        return None
    meeting, release = release_for(request, number)
    if release is None:
        return None
    parts = [code_revision(), meeting.number, meeting.status, release.version, translation.get_language(), request.path]
    parts += page_stamps(meeting.number, pk, request)
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]


def programme_last_modified(request, number: int | None = None, **kwargs):
    if not _cacheable(request):
        return None
    _meeting, release = release_for(request, number)
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
