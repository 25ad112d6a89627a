"""The renderers, by kind. Each declares who may see its document, how to build it and its name.

A renderer's document depends on its (cleaned) parameters only, never on who asked: the same
parameters give the same document to everyone allowed to see it. That is what lets a second
person follow a job someone else started, and lets the download view check the same rule as
the request.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError


class ReportError(Exception):
    """A failure the person who asked can understand (shown on the page as it is)."""


@dataclass
class Part:
    """One WeasyPrint document of a report. Large reports are several parts, merged with pypdf,
    so that a worker never holds the layout of hundreds of pages at once."""

    html: str
    # Images the document draws from memory (QR codes, charts), by name: the fetcher answers
    # generated_url(name) with them, and nothing else outside the named assets.
    images: dict[str, bytes] = field(default_factory=dict)
    # Whether its pages carry the running page number (a badge sheet does not).
    numbered: bool = True


@dataclass
class Choice:
    """A parameter the person picks on the reports page (a session, a survey, a delegation): from a select
    of `options`, or, where the options grow with the meeting (its sessions), typed (`options` None) with
    `help` saying what to type."""

    name: str
    label: Any
    options: list[tuple[Any, str]] | None = None
    help: Any = ""

    @property
    def typed(self) -> bool:
        return self.options is None


@dataclass
class Offer:
    """A document the reports page offers: the renderer's kind, fixed parameters, maybe a choice."""

    kind: str
    label: Any
    description: Any = ""
    params: dict = field(default_factory=dict)
    choice: Choice | None = None
    restricted: bool = False
    # Why it cannot be produced now (the renderer's `unavailable`), shown beside a disabled button.
    unavailable: str | None = None


@dataclass
class Renderer:
    kind: str
    label: Any  # lazy string, shown on the pages
    # (user, params) -> bool: who may ask for the document and download it.
    can_access: Callable[[Any, dict], bool]
    # (params) -> Iterator[Part]: the HTML of the document, one part or several.
    build: Callable[[dict], Iterator[Part]]
    # (params) -> str: the download's file name, ASCII, ending in `.<extension>`.
    filename: Callable[[dict], str]
    # (raw params) -> params: validates and normalises; raises ValidationError.
    clean_params: Callable[[dict], dict] = field(default=lambda params: dict(params))
    # (params) -> int: how many parts build() will yield (for the progress bar).
    part_count: Callable[[dict], int] = field(default=lambda params: 1)
    # Rendering in parallel (reports.services.report_generate): (params) -> list of each part's items
    # (JSON-serialisable keys, e.g. registration ids), and (params, items) -> Part. A renderer with
    # both has its parts rendered by a Celery group, one task per part, when there are two or more.
    split: Callable[[dict], list[list]] | None = None
    build_part: Callable[[dict, list], Part | None] | None = None
    description: Any = ""
    # (params) -> str: what this document is, for the pages ("Programme booklet · Fourth Meeting").
    title: Callable[[dict], str] | None = None
    # (meeting, user) -> list[Offer]: what the reports page offers to ask for.
    offers: Callable[[Any, Any], list["Offer"]] = field(default=lambda meeting, user: [])
    # (params) -> str | None: why the document cannot be produced now ("No outcome of this meeting
    # has been published yet."), or None. The one check of its kind: the reports page disables an
    # offer with this reason, the service refuses to queue the request with it, and the task
    # fails with it should things change in between. It reads an offer's parameters (a choice not
    # yet made: the meeting as a whole) as well as the cleaned ones.
    unavailable: Callable[[dict], str | None] = field(default=lambda params: None)
    order: int = 100  # place on the reports page
    # What the file is: a PDF laid out by WeasyPrint from build()'s parts, unless the renderer writes
    # its file itself (`write`, e.g. a zip of stored files), then with its own type and extension.
    content_type: str = "application/pdf"
    extension: str = "pdf"
    # (params, target, progress) -> int | None: writes the whole file to the binary `target`, calling
    # progress(percent) as it goes (which also stops it past the time limit); returns its page count,
    # or None when pages mean nothing (a zip). A renderer with `write` never has build() called.
    write: Callable[[dict, BinaryIO, Callable[[int], None]], int | None] | None = None

    @property
    def renders_in_parallel(self) -> bool:
        return self.split is not None and self.build_part is not None

    def describe(self, params: dict) -> str:
        return self.title(params) if self.title else str(self.label)


_RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    if renderer.kind in _RENDERERS:
        raise ValueError(f"A renderer of kind {renderer.kind!r} is already registered.")
    _RENDERERS[renderer.kind] = renderer
    return renderer


def get_renderer(kind: str) -> Renderer:
    try:
        return _RENDERERS[kind]
    except KeyError:
        raise ValidationError("Unknown kind of report: %(kind)s", params={"kind": kind}) from None


def find_renderer(kind: str) -> Renderer | None:
    return _RENDERERS.get(kind)


def all_renderers() -> list[Renderer]:
    return sorted(_RENDERERS.values(), key=lambda renderer: (renderer.order, renderer.kind))


def offers_for(meeting, user) -> list[Offer]:
    """What the reports page offers `user` for `meeting`, in the renderers' order, each with the
    reason it cannot be produced now if it cannot."""
    offers = []
    for renderer in all_renderers():
        for offer in renderer.offers(meeting, user):
            offer.unavailable = renderer.unavailable(offer.params)
            offers.append(offer)
    return offers
