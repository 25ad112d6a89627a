"""Published pages rendered once.

A published release never changes, so each public page of it (home, programme, roundtable, session) is
rendered once per language and content, kept in the cache (Redis when REDIS_URL is set, the local file
cache otherwise) and served from there to every reader: anonymous visitors and signed-in delegates alike.
The body is rendered without the request, so nothing personal can enter it; the reader's own part (a
co-chair's edit button, the booklet request with its CSRF token) is rendered per request and put at the
body's PERSONAL marker, and the page's layout (header, menu, messages) is each reader's own.

The key names everything the body shows: the code in use, the meeting and its status, the release shown
and the latest one (an earlier version says which replaced it), the language, the page, and the other
apps' content on it (`cache.register_page_stamp`). A new key is a new entry; old entries expire.
`warm_release` renders a release's pages in every language when it is published (roundtables.tasks), so
no visitor pays for the first rendering."""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from roundtables.models import Meeting, ProgrammeRelease
from roundtables.programme.cache import code_revision, page_stamps
from roundtables.programme.extras import programme_extras
from roundtables.programme.published import Programme

logger = logging.getLogger(__name__)

PERSONAL = "<!--gfmd:personal-->"
# Keys change with what they name, so an entry is never stale; the timeout only returns the space.
PAGE_TIMEOUT = 7 * 24 * 3600


@dataclass(frozen=True)
class RenderedPage:
    title: str
    body: str


@dataclass(frozen=True)
class PageSpec:
    """One public page of a release: its template and how to read its title and context from the programme."""

    kind: str
    template: str
    context: Callable[[Meeting, Programme, int | None], dict | None]  # None: no such page (404)
    title: Callable[[dict], str]


def _whole_programme(meeting, programme, pk):
    """The home page and the programme page: the whole release."""
    return {"meeting": meeting, "programme": programme}


def _programme_page(meeting, programme, pk):
    """The programme page: the whole release, and the other apps' items beside it (side events), read
    only when their stamps (read with the release, when it is this one) say there are any."""
    stamps = programme.release.__dict__.get("_page_stamps", {}).get(None)
    return {"meeting": meeting, "programme": programme, "extras": programme_extras(meeting, stamps)}


def _roundtable(meeting, programme, number):
    roundtable = programme.roundtable(number)
    return None if roundtable is None else {"meeting": meeting, "programme": programme, "roundtable": roundtable}


def _session(meeting, programme, pk):
    item = programme.session(pk)
    if item is None:
        return None
    # The live session, for what other apps show at the end of the page (its published papers, its outcome).
    session = meeting.sessions.filter(pk=pk).first()
    return {"meeting": meeting, "programme": programme, "item": item, "session": session}


PAGES = {
    "home": PageSpec(
        "home", "roundtables/public/_home_body.html", _whole_programme, lambda c: c["programme"].meeting.title
    ),
    "programme": PageSpec(
        "programme",
        "roundtables/public/_programme_body.html",
        _programme_page,
        lambda c: f"{gettext('Programme')} · {c['programme'].meeting.title}",
    ),
    "roundtable": PageSpec(
        "roundtable",
        "roundtables/public/_roundtable_detail_body.html",
        _roundtable,
        lambda c: gettext("Roundtable %(number)s") % {"number": c["roundtable"].number} + f" · {c['roundtable'].title}",
    ),
    "session": PageSpec(
        "session",
        "roundtables/public/_session_detail_body.html",
        _session,
        lambda c: f"{c['item'].code} {c['item'].title}",
    ),
}


def page_key(
    kind: str,
    meeting: Meeting,
    release: ProgrammeRelease,
    newest: ProgrammeRelease,
    pk: int | None = None,
) -> str:
    # The stamps are read on the latest release (the one `release_for` read them with): they name the
    # meeting's live content, the same whichever of its releases the page shows.
    session_id = pk if kind == "session" else None
    parts = [code_revision(), kind, meeting.number, meeting.status, release.version, newest.version, pk]
    parts += [translation.get_language(), *page_stamps(newest, session_id)]
    return "programme-page:" + hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:40]


def cache_get(key: str):
    # A cache that fails (Redis restarting) is skipped: the page is rendered as if it were not there.
    try:
        return cache.get(key)
    except Exception:
        logger.warning("The page cache could not be read; rendering the page.", exc_info=True)
        return None


def cache_set(key: str, value) -> None:
    try:
        cache.set(key, value, PAGE_TIMEOUT)
    except Exception:
        logger.warning("The page cache could not be written.", exc_info=True)


def render_body(spec: PageSpec, meeting: Meeting, programme: Programme, pk: int | None, **extra) -> RenderedPage:
    context = spec.context(meeting, programme, pk)
    if context is None:
        raise Http404("No such page in the published programme.")
    context.update(extra)
    return RenderedPage(spec.title(context), render_to_string(spec.template, context))


def rendered_page(
    kind: str,
    meeting: Meeting,
    release: ProgrammeRelease,
    newest: ProgrammeRelease,
    pk: int | None = None,
    **extra,
) -> RenderedPage:
    """The page's title and body, from the cache or rendered now (and kept). Reads the release's snapshot
    only when the page must be rendered."""
    spec = PAGES[kind]
    if not settings.PROGRAMME_PAGE_CACHE:
        return render_body(spec, meeting, Programme(release), pk, **extra)
    key = page_key(kind, meeting, release, newest, pk)
    page = cache_get(key)
    if page is None:
        page = render_body(spec, meeting, Programme(release), pk, **extra)
        cache_set(key, page)
    return page


def with_personal(page: RenderedPage, personal: str = "") -> SafeString:
    """The body with the reader's own part in its place (nothing for a reader who has none)."""
    return mark_safe(page.body.replace(PERSONAL, personal, 1))


def warm_release(release: ProgrammeRelease) -> int:
    """Render every public page of the meeting's latest release in every working language, so that no
    visitor pays for the first rendering. Returns how many pages it rendered."""
    meeting = release.meeting
    latest = ProgrammeRelease.objects.latest_for(meeting)
    if latest is None or latest.pk != release.pk:
        return 0  # a newer version was published meanwhile: its own warming covers it
    count = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            programme = Programme(release)
            pages = [("programme", None)]
            if meeting.is_current:
                pages.append(("home", None))
            pages += [("roundtable", rt.number) for rt in programme.roundtables]
            pages += [("session", item.id) for item in programme.sessions]
            for kind, pk in pages:
                key = page_key(kind, meeting, release, latest, pk)
                if cache_get(key) is None:
                    cache_set(key, render_body(PAGES[kind], meeting, programme, pk))
                    count += 1
    return count
