"""What every public endpoint shares: GET only, no session or cookie, throttled per client, the
reader's language (`?language=` or Accept-Language), unknown query parameters refused with a 400,
cursor pages, and ETags with 304s and public caching."""

import hashlib

from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle

from gfmd import languages

# Clients may keep an answer a minute before asking again (then usually a 304), as the public pages.
PUBLIC_MAX_AGE = 60
# Changes every ETag when the API's output changes shape.
API_REVISION = "v1.1"
ALWAYS_ALLOWED = frozenset({"language", "format"})
PAGE_PARAMETERS = frozenset({"cursor", "page_size"})


class BadQuery(exceptions.ValidationError):
    """A 400 naming what was wrong with the query string."""


class CursorPages(CursorPagination):
    """Cursor pages: 50 rows, at most 200 with `?page_size=`. A cursor is opaque: a hand-made or stale
    one is a 400, and a cursor never skips more than `offset_cutoff` rows (no slow OFFSET)."""

    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = "-pk"

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise BadQuery({"page_size": [_("A whole number from 1 to %(max)d.") % {"max": self.max_page_size}]})
        return int(raw)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise BadQuery(
                {"cursor": [_("This cursor is not valid: follow the «next» and «previous» links.")]}
            ) from None


class PublicThrottle(AnonRateThrottle):
    """Per client address, in the project's cache (DEFAULT_THROTTLE_RATES["anon"])."""

    scope = "anon"


class PublicAPIMixin:
    """Mixed into DRF's generic views (before them)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (PublicThrottle,)
    renderer_classes = (JSONRenderer,)
    http_method_names = ["get", "head", "options"]
    # The query parameters the endpoint takes besides the filter set's and the pages'.
    extra_parameters: frozenset = frozenset()

    def allowed_parameters(self) -> frozenset:
        allowed = ALWAYS_ALLOWED | self.extra_parameters
        if getattr(self, "pagination_class", None) is not None:
            allowed |= PAGE_PARAMETERS
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= frozenset(filterset_class.base_filters)
        return allowed

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("language", "")
        with translation.override(language if language in languages.CODES else translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method == "OPTIONS":
            return
        unknown = sorted(set(request.query_params) - self.allowed_parameters())
        if unknown:
            raise BadQuery(
                {
                    "unknown_parameters": unknown,
                    "allowed_parameters": sorted(self.allowed_parameters()),
                }
            )
        language = request.query_params.get("language")
        if language is not None and language not in languages.CODES:
            raise BadQuery({"language": [_("One of: %(codes)s.") % {"codes": ", ".join(languages.CODES)}]})
        if request.query_params.get("format", "json") != "json":
            raise BadQuery({"format": [_("Only json.")]})
        for name, values in request.query_params.lists():
            if len(values) > 1:
                raise BadQuery({name: [_("Give this parameter once.")]})

    # ETags -------------------------------------------------------------------------------------------

    def stamp(self, request) -> str | None:
        """A cheap stamp of what the answer shows (read before the answer is built): a 304 then costs
        only this. None: the ETag is the answer's own digest."""
        return None

    def _etag(self, request, stamp: str) -> str:
        parts = [API_REVISION, stamp, translation.get_language(), request.get_full_path()]
        return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'

    def get(self, request, *args, **kwargs):
        stamp = self.stamp(request)
        if stamp is not None:
            etag = self._etag(request, stamp)
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                return self._public(not_modified, etag)
            request._api_etag = etag
        return super().get(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            if response.status_code >= 400:
                patch_cache_control(response, no_store=True)
            return response
        etag = getattr(request, "_api_etag", None)
        if etag is None:
            response.render()
            etag = '"' + hashlib.sha256(API_REVISION.encode() + response.content).hexdigest()[:32] + '"'
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                return self._public(not_modified, etag)
        return self._public(response, etag)

    @staticmethod
    def _public(response, etag: str):
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        patch_vary_headers(response, ("Accept-Language",))
        return response
