"""Whole public pages for anonymous readers, kept in the cache under their ETag.

The body of a published page is rendered once (roundtables.programme.pages), but the layout around it
(header, menu, language switcher, footer) was still rendered for every visitor: most of what a cached
page cost. An anonymous reader's layout is the same for every anonymous reader of that page and
language, but for two values that must be each request's own: the CSRF token of the language switcher's
form and the nonce that the Content-Security-Policy header names for the page's scripts. So the page is
rendered once with a marker in their place, kept under the ETag (which already names everything the page
shows: code, meeting, release, language, path and the other apps' content), and each reader gets it with
their own token and nonce put in.

Only plain anonymous GETs qualify: a signed-in reader has a personal header, a pending message makes the
ETag absent, a query string or an htmx request could change what the layout shows.
"""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token

from roundtables.programme.cache import programme_etag
from roundtables.programme.pages import cache_get, cache_set

# Letters only: they pass through HTML escaping unchanged, and no page text contains them.
CSRF_MARKER = "gfmdwholepagecsrfmarker"
NONCE_MARKER = "gfmdwholepagenoncemarker"
CONTENT_TYPE = "text/html; charset=utf-8"


def _key(etag: str) -> str:
    return f"gfmd:whole:{etag}"


def markers(request) -> dict:
    """The context a view renders a whole page with: markers in place of the token and the nonce while
    the page is being rendered to be kept, nothing otherwise."""
    if getattr(request, "_gfmd_whole_page", False):
        return {"csrf_token": CSRF_MARKER, "csp_nonce": NONCE_MARKER}
    return {}


def _qualifies(request) -> bool:
    return (
        settings.PROGRAMME_PAGE_CACHE
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not request.headers.get("HX-Request")
    )


def _for_reader(html: str, request) -> HttpResponse:
    personal = html.replace(CSRF_MARKER, get_token(request)).replace(NONCE_MARKER, str(get_nonce(request)))
    return HttpResponse(personal, content_type=CONTENT_TYPE)


def whole_page(view):
    """Serve the view's page from the cache to anonymous readers (see the module's docstring). Goes
    inside `published`, which answers 304 before this runs and adds the validators to what it returns."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        etag = programme_etag(request, **kwargs) if _qualifies(request) else None
        if etag is None:
            return view(request, *args, **kwargs)
        html = cache_get(_key(etag))
        if html is None:
            request._gfmd_whole_page = True
            try:
                response = view(request, *args, **kwargs)
            finally:
                request._gfmd_whole_page = False
            if response.status_code != 200 or response.get("Content-Type") != CONTENT_TYPE:
                return response
            html = response.content.decode()
            cache_set(_key(etag), html)
        return _for_reader(html, request)

    return wrapper
