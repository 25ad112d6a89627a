"""Helpers the service modules share: the rule check, what changed, and how to reorder siblings."""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import models

Direction = Literal["up", "down"]

MANAGE_MEETING = "roundtables.manage_meeting"


def require_perm(actor, perm: str, obj=None) -> None:
    """Each service checks its rule of roundtables.permissions itself, whoever calls it; the views'
    own check (chair_required) only decides which pages a person is shown."""
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


_MAX_LOGGED = 160


def _logged(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= _MAX_LOGGED else text[: _MAX_LOGGED - 1] + "…"


def apply_fields(
    instance: models.Model, fields: dict[str, Any], *, saved: models.Model | None = None
) -> dict[str, list[str]]:
    """Set the fields on the instance and return what changed since `saved` (the row as stored; a model
    form may already have changed the instance), {name: [before, after]}, for the log."""
    saved = instance if saved is None else saved
    changes = {}
    for name, value in fields.items():
        before = getattr(saved, name)
        if before != value and not (before in (None, "") and value in (None, "")):
            changes[name] = [_logged(before), _logged(value)]
        setattr(instance, name, value)
    return changes


def move_among(siblings: list, item, direction: Direction) -> bool:
    """Swap the item with its neighbour and number the siblings 1..n again. False when it is already first
    (or last). The caller saves the `order` fields."""
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(siblings):
        return False
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        sibling.order = order
    return True
