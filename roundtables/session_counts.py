"""Counts that other apps add to the sessions the Chair's office oversees (its dashboard, the meeting's
structure), without roundtables knowing their models or states.

An app whose rows hang on a session registers in its AppConfig.ready():
`register_session_count("paper_count", background_paper_count)`, where the callable returns an
aggregate over the session's relation (`Count("papers", filter=..., distinct=True)`). Every session
those pages list is then annotated with it under that name."""

from collections.abc import Callable

from django.db.models import Aggregate

SessionCount = Callable[[], Aggregate]

_session_counts: dict[str, SessionCount] = {}


def register_session_count(name: str, count: SessionCount) -> SessionCount:
    _session_counts[name] = count
    return count


def session_counts() -> dict[str, Aggregate]:
    """The registered counts, as keyword arguments for QuerySet.annotate()."""
    return {name: count() for name, count in _session_counts.items()}
