"""What higher apps do when a registration ends. delegations sits below them in the layers (it cannot
import them), so they register a function here when their app is ready (logistics revokes the person's
visa letter with it)."""

from collections.abc import Callable

_ON_REGISTRATION_END: list[Callable] = []


def register_on_registration_end(function: Callable) -> None:
    """`function(registration=..., actor=...)` runs inside registration_withdraw's and
    registration_reject's transaction, after the registration is saved in its new state: an error in
    it undoes the decision."""
    if function not in _ON_REGISTRATION_END:
        _ON_REGISTRATION_END.append(function)


def registration_ended(*, registration, actor) -> None:
    for function in _ON_REGISTRATION_END:
        function(registration=registration, actor=actor)
