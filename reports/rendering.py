"""Safe WeasyPrint set-up: HTML in, PDF out, nothing fetched but the portal's named assets.

* The URL fetcher answers only URLs of the portal's internal asset origin whose path names one of
  ASSETS; each is read from the static files (django.contrib.staticfiles finders). Everything else
  (file://, http(s) to any host, data:, ftp:...) is refused before any I/O, and redirects cannot
  happen since nothing goes to the network.
* PDF attachments are disabled: <link rel="attachment"> and <a rel="attachment"> are dropped
  from the rendered document before it is written, and none are passed as options.
* User-written HTML goes through `clean_html` (gfmd.html's nh3 allow-list) before it reaches a template.

WeasyPrint is imported inside the functions: it is heavy, and only the worker needs it.
"""

import io
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

from gfmd.html import clean_rich_text
from reports.registry import Part, ReportError

logger = logging.getLogger(__name__)

# The origin WeasyPrint resolves relative URLs against. It is never contacted: the fetcher maps
# its /static/<name> URLs to files on disk.
ASSET_ORIGIN = "https://portal.gfmd.invalid"
ASSET_PREFIX = f"{ASSET_ORIGIN}/static/"
GENERATED_PREFIX = f"{ASSET_ORIGIN}/generated/"
GENERATED_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}
BASE_URL = f"{ASSET_ORIGIN}/"

# The only files a document may load, by their static name.
ASSETS = {
    "css/print.css": "text/css",
    "css/print-badges.css": "text/css",
    "reports/emblem.svg": "image/svg+xml",
}


def generated_url(name: str) -> str:
    """The URL of an image the renderer made in memory and passes with its Part."""
    return GENERATED_PREFIX + name


def asset_url(name: str) -> str:
    if name not in ASSETS:
        raise ValueError(f"{name} is not a report asset")
    return ASSET_PREFIX + name


def clean_html(value: str) -> SafeString:
    """User-written rich text, reduced to gfmd.html's allow-list (the outcome editor's): no images,
    no styles, no scripts, no `rel` (so no attachments), links only to http(s) and mailto."""
    return mark_safe(clean_rich_text(value))


class AssetRefused(Exception):
    pass


def resolve_asset(url: str, images: dict[str, bytes] | None = None) -> tuple[bytes, str]:
    """The content and MIME type of an allowed URL, or AssetRefused: a named static asset, or an
    image the renderer generated for this document."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != ASSET_ORIGIN or parts.query or parts.username:
        raise AssetRefused(f"refused {url[:200]!r}: not a portal asset")
    if parts.path.startswith("/generated/"):
        name = unquote(parts.path.removeprefix("/generated/"))
        mime_type = GENERATED_TYPES.get(Path(name).suffix)
        if images is None or name not in images or mime_type is None:
            raise AssetRefused(f"refused {url[:200]!r}: not an image of this document")
        return images[name], mime_type
    if not parts.path.startswith("/static/"):
        raise AssetRefused(f"refused {url[:200]!r}: not a static asset")
    name = unquote(parts.path.removeprefix("/static/"))
    if name not in ASSETS:
        raise AssetRefused(f"refused {url[:200]!r}: not a named report asset")
    found = finders.find(name)
    if not found:
        raise AssetRefused(f"refused {url[:200]!r}: the asset is missing")
    return Path(found).read_bytes(), ASSETS[name]


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PortalAssetFetcher(URLFetcher):
        """Answers the named assets; refuses every other URL without touching disk or network."""

        def __init__(self, images: dict[str, bytes] | None = None):
            super().__init__(allowed_protocols=("https",), allow_redirects=False, fail_on_errors=False)
            self.images = images or {}
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            try:
                content, mime_type = resolve_asset(url, self.images)
            except AssetRefused as refusal:
                self.refused.append(url[:200])
                raise ValueError(str(refusal)) from None
            return URLFetcherResponse(url, content, {"Content-Type": mime_type})

    return PortalAssetFetcher


def make_url_fetcher(images: dict[str, bytes] | None = None):
    return _fetcher_class()(images)


def _without_attachments(document) -> None:
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


class _StepHandler(logging.Handler):
    """Turns WeasyPrint's progress log ("Step 5 - Creating layout - Page 12") into a fraction of
    the part done, for the progress bar. Only the rendering thread's records count."""

    def __init__(self, callback: Callable[[float], None]):
        super().__init__(logging.INFO)
        self.callback = callback
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if threading.get_ident() != self.thread:
            return
        message = record.getMessage()
        step = message[5:6] if message.startswith("Step ") else ""
        if step == "5" and (page := re.search(r"Page (\d+)$", message)):
            # Layout takes most of the time; the page count is unknown, so approach 80 %.
            fraction = 0.3 + 0.5 * (1 - 0.93 ** int(page.group(1)))
        else:
            fraction = {"1": 0.05, "2": 0.1, "3": 0.15, "4": 0.25, "6": 0.85, "7": 0.95}.get(step)
        if fraction is not None:
            self.callback(fraction)


@contextmanager
def weasyprint_steps(callback: Callable[[float], None] | None):
    if callback is None:
        yield
        return
    progress_logger = logging.getLogger("weasyprint.progress")
    handler = _StepHandler(callback)
    level, propagate = progress_logger.level, progress_logger.propagate
    progress_logger.setLevel(logging.INFO)
    progress_logger.propagate = False  # the steps go to the progress bar, not to the worker's log
    progress_logger.addHandler(handler)
    try:
        yield
    finally:
        progress_logger.removeHandler(handler)
        progress_logger.setLevel(level)
        progress_logger.propagate = propagate


def render_part(
    html: str,
    target: BinaryIO,
    *,
    images: dict[str, bytes] | None = None,
    page_offset: int = 0,
    continuous: bool = False,
    on_step: Callable[[float], None] | None = None,
) -> int:
    """Lay out one HTML document and write its PDF to target. Returns the number of pages.

    A part of a longer document (continuous) numbers its pages from page_offset + 1, and its
    footer says "Page N" without the total, which no part knows."""
    from weasyprint import CSS, HTML

    fetcher = make_url_fetcher(images)
    stylesheets = []
    if continuous:
        stylesheets.append(
            CSS(
                string=f"@page :first {{ counter-reset: page {page_offset + 1}; }}"
                "@page { @bottom-right { content: string(running-page) ' ' counter(page) !important; } }",
                url_fetcher=fetcher,
            )
        )
    with weasyprint_steps(on_step):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
            stylesheets=stylesheets, attachments=None, pdf_forms=False, presentational_hints=False
        )
        _without_attachments(document)
        document.write_pdf(target, attachments=None, pdf_forms=False)
    if fetcher.refused:
        logger.warning("Report rendering refused %d URL(s): %s", len(fetcher.refused), fetcher.refused[:5])
    return len(document.pages)


def clock() -> float:
    return time.monotonic()


class Deadline:
    def __init__(self, seconds: float | None):
        self.ends = clock() + seconds if seconds else None

    def check(self) -> None:
        if self.ends is not None and clock() > self.ends:
            raise ReportTimeout


class ReportTimeout(ReportError):
    pass


def render_parts(
    parts: Iterable[Part],
    target: BinaryIO,
    *,
    part_count: int = 1,
    progress: Callable[[int], None] | None = None,
    time_limit: float | None = None,
) -> int:
    """Render the parts one after the other and write one PDF to target; the layout of a part is
    freed before the next is laid out. Progress goes from 5 to 95 as parts are done.
    Returns the number of pages."""
    deadline = Deadline(time_limit)
    report = progress or (lambda percent: None)
    total = max(part_count, 1)
    buffers: list[io.BytesIO] = []
    pages = 0
    report(5)
    shown = [5]

    def within_part(index: int) -> Callable[[float], None] | None:
        """Progress inside a part, from WeasyPrint's steps; at most one update per percent."""

        def step(fraction: float) -> None:
            percent = 5 + int(85 * (index - 1 + min(fraction, 1.0)) / total)
            if percent > shown[0]:
                shown[0] = percent
                try:
                    report(percent)
                except Exception:  # a cancelled job is noticed between parts, not inside WeasyPrint
                    logger.debug("Progress not recorded", exc_info=True)

        return step if progress else None

    for index, part in enumerate(parts, start=1):
        deadline.check()
        buffer = io.BytesIO()
        pages += render_part(
            part.html,
            buffer,
            images=part.images,
            page_offset=pages,
            continuous=part_count > 1 and part.numbered,
            on_step=within_part(min(index, total)),
        )
        buffers.append(buffer)
        percent = 5 + min(85, 85 * index // total)
        if percent >= shown[0]:
            shown[0] = percent
            report(percent)
        deadline.check()
    if not buffers:
        raise ReportError("There is nothing to put in this document.")
    if len(buffers) == 1:
        target.write(buffers[0].getvalue())
    else:
        merge_pdfs(buffers, target)
    report(95)
    return pages


def merge_pdfs(sources: list[BinaryIO], target: BinaryIO) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for source in sources:
        source.seek(0)
        writer.append(source)
    writer.write(target)


# WeasyPrint logs every layout step at INFO; a 400-page job would flood the worker's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
