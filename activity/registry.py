"""What each recorded action is called, registered by the app that records it.

The activity app sits below every app that logs, so it cannot know their actions: each app
registers its own in its AppConfig.ready(), `register_actions({"papers.paper.submitted":
Action(_("Paper submitted for review"), on_object=_("Submitted for review"))})`, and every page
that shows log entries reads the label here (`ActivityLog.label`, `ActivityLog.label_on_object`).
An action nobody registered still reads as words ("Paper submitted"), and
activity/tests/test_registry.py fails until it is registered."""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Action:
    # On a log of many kinds of objects (the Chair's activity page): says what changed, of which kind.
    label: str | Promise
    # On the history of the object itself, where its kind goes without saying; the label if None.
    on_object: str | Promise | None = None


_actions: dict[str, Action] = {}


def register_actions(actions: dict[str, Action | str | Promise]) -> None:
    """Register an app's actions: a key ("app.noun.verb") and a lazy translated label, or an Action."""
    for key, action in actions.items():
        _actions[key] = action if isinstance(action, Action) else Action(action)


def registered_actions() -> dict[str, Action]:
    return dict(_actions)


def readable(key: str) -> str:
    """The fallback for an unregistered action: "papers.paper.review_started" -> "Paper review started"."""
    words = " ".join(key.split(".")[-2:]).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def action_label(key: str, *, on_object: bool = False) -> str:
    action = _actions.get(key)
    if action is None:
        return readable(key)
    return str(action.on_object if on_object and action.on_object is not None else action.label)
