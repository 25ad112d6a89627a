"""Plain functions the benchmark calls to time the heavy documents, without a web request or a
worker: the badges of every approved participant and the report of the proceedings.

    from benchmarks.documents import time_badges, time_proceedings
    timing = time_badges(meeting_id)          # RenderTiming(kind, pages, seconds, peak_rss_mb, bytes)

`python manage.py render_report badges --meeting N --json` does the same in a process of its own,
so that its peak memory is the document's alone.
"""

import io
import resource
import time
from dataclasses import asdict, dataclass

from django.utils import translation

from reports.registry import get_renderer
from reports.rendering import render_parts


@dataclass
class RenderTiming:
    kind: str
    pages: int
    seconds: float
    peak_rss_mb: float  # of the whole process, since it started
    bytes: int

    def as_dict(self) -> dict:
        return asdict(self)


def time_report(kind: str, params: dict, *, path: str | None = None) -> RenderTiming:
    renderer = get_renderer(kind)
    params = renderer.clean_params(params)
    target = open(path, "wb") if path else io.BytesIO()  # noqa: SIM115  (closed below)
    try:
        start = time.perf_counter()
        with translation.override(params.get("language") or "en"):
            pages = render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
        seconds = time.perf_counter() - start
        size = target.tell()
    finally:
        target.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return RenderTiming(kind=kind, pages=pages, seconds=round(seconds, 2), peak_rss_mb=round(peak, 1), bytes=size)


def time_badges(meeting_id: int, *, path: str | None = None) -> RenderTiming:
    return time_report("badges", {"meeting": meeting_id, "language": "en"}, path=path)


def time_proceedings(meeting_id: int, *, path: str | None = None) -> RenderTiming:
    return time_report("proceedings", {"meeting": meeting_id, "language": "en"}, path=path)


def time_participants(meeting_id: int, *, variant: str = "full", path: str | None = None) -> RenderTiming:
    return time_report("participants", {"meeting": meeting_id, "variant": variant, "language": "en"}, path=path)


def ensure_published_outcomes(meeting, *, repeat: int = 1) -> int:
    """Publish a sample outcome for every roundtable session of the meeting that has none.
    With the benchmark's 40 sessions, repeat=1 gives a report of the proceedings of about 50 pages."""
    from reports.tests.factories import publish_outcome
    from roundtables.models import Session

    sessions = meeting.sessions.filter(kind=Session.Kind.ROUNDTABLE, outcome__isnull=True)
    count = 0
    for session in sessions:
        publish_outcome(session, repeat=repeat)
        count += 1
    return count
