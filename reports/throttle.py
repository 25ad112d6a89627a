"""Report requests are throttled per person: each one may start a job on the shared worker, so a
person (or a script with their session) may ask for only so many documents in a window of time.

A fixed window counted in the cache (shared by every web process: Redis in production, a file
cache on a local run): `cache.add` then `cache.incr` are atomic there, so two requests at the
same moment cannot both slip under the limit."""

import math
import time

from django.core.cache import cache
from django.utils.translation import ngettext

from reports import conf
from reports.registry import ReportError


class ReportThrottled(ReportError):
    """Too many requests by one person; `retry_after` is in seconds."""

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def _message(limit: int, window: int, retry_after: int) -> str:
    minutes, wait = max(1, round(window / 60)), max(1, math.ceil(retry_after / 60))
    every = ngettext(
        "You have asked for %(limit)s documents in a short time, the most one person may in %(minutes)s minute.",
        "You have asked for %(limit)s documents in a short time, the most one person may in %(minutes)s minutes.",
        minutes,
    ) % {"limit": limit, "minutes": minutes}
    again = ngettext(
        "Try again in %(wait)s minute; the documents already asked for are still being produced.",
        "Try again in %(wait)s minutes; the documents already asked for are still being produced.",
        wait,
    ) % {"wait": wait}
    return f"{every} {again}"


def report_request_throttle(user, *, client: str = "") -> None:
    """Count one request by `user`; raise ReportThrottled past the limit of the current window. A visitor
    who is not signed in (public documents: a session's pack) is counted by `client`, their address as
    allauth reads it behind our proxies (settings TRUSTED_PROXY_COUNT), in a bucket of its own."""
    limit, window = conf.request_rate()
    now = time.time()
    bucket = int(now // window)
    who = user.pk if user is not None and user.is_authenticated else f"anonymous:{client or 'unknown'}"
    key = f"reports:requests:{who}:{bucket}"
    cache.add(key, 0, timeout=window + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 60)
        count = 1
    if count > limit:
        retry_after = max(1, math.ceil((bucket + 1) * window - now))
        raise ReportThrottled(_message(limit, window, retry_after), retry_after=retry_after)
