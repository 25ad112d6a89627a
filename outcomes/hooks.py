"""What higher apps do when an outcome changes state. outcomes sits below them in the layers (it cannot
import them), so they register a function here in their AppConfig.ready() (followup publishes an
outcome's recommendations with it)."""

from collections.abc import Callable

_ON_PUBLISH: list[Callable] = []


def register_on_publish(function: Callable) -> None:
    """`function(outcome=..., actor=...)` runs inside outcome_publish's transaction, after the
    outcome is marked published: an error in it undoes the publication."""
    if function not in _ON_PUBLISH:
        _ON_PUBLISH.append(function)


def outcome_published(*, outcome, actor) -> None:
    for function in _ON_PUBLISH:
        function(outcome=outcome, actor=actor)
