"""The reports' settings, with their defaults (override them in gfmd/settings.py if needed)."""

import datetime as dt

from django.conf import settings


def time_limit() -> int:
    """Seconds a report may take before it is stopped and marked failed."""
    return int(getattr(settings, "REPORTS_TIME_LIMIT", 300))


def keep_for() -> dt.timedelta:
    """How long a produced file stays downloadable."""
    return dt.timedelta(days=int(getattr(settings, "REPORTS_KEEP_DAYS", 7)))


def badges_per_part() -> int:
    """Badges laid out per WeasyPrint document (a multiple of the 8 on a sheet)."""
    return int(getattr(settings, "REPORTS_BADGES_PER_PART", 240))


def parallel_parts() -> bool:
    """Whether a document in several parts (badges) is rendered by one task per part, in parallel on
    the worker's processes, and merged at the end (REPORTS_PARALLEL_PARTS, on by default)."""
    return bool(getattr(settings, "REPORTS_PARALLEL_PARTS", True))


def request_rate() -> tuple[int, int]:
    """How many documents one person may ask for (REPORTS_REQUESTS_PER_WINDOW) in how many seconds
    (REPORTS_REQUEST_WINDOW): enough for anyone at work, not for a script filling the worker's queue."""
    return (
        int(getattr(settings, "REPORTS_REQUESTS_PER_WINDOW", 20)),
        int(getattr(settings, "REPORTS_REQUEST_WINDOW", 600)),
    )


def pack_max_bytes() -> int:
    """The most a session's document pack may hold (REPORTS_PACK_MAX_BYTES, 200 MB by default): its papers
    are each within the upload limit, but a session with many would otherwise fill the worker's disk."""
    return int(getattr(settings, "REPORTS_PACK_MAX_BYTES", 200 * 1024 * 1024))
