"""What higher apps offer beside a published version on the Chair's office's publish page (notifications:
"Notify the registered participants of what changed"). roundtables sits below them, so they register a
function here in their AppConfig.ready()."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReleaseLink:
    label: str
    url: str
    note: str = ""  # a line under the link (what was done already)


_links: list[Callable] = []


def register_release_link(function: Callable) -> None:
    """`function(release, user)` returns a ReleaseLink for the latest release, or None."""
    if function not in _links:
        _links.append(function)


def release_links(release, user) -> list[ReleaseLink]:
    if release is None:
        return []
    return [link for link in (function(release, user) for function in _links) if link is not None]
