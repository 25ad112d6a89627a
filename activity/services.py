from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from activity.models import ActivityLog

# Notes an app above adds to every entry written for a meeting (roundtables adds the correction open
# on a closed meeting): functions of the meeting returning a dict merged into the entry's data.
_meeting_notes: list[Callable[[Any], dict]] = []


def register_meeting_note(note: Callable[[Any], dict]) -> None:
    if note not in _meeting_notes:
        _meeting_notes.append(note)


def activity_log(
    *, actor, action: str, obj: models.Model | None = None, meeting=None, data: dict | None = None
) -> ActivityLog:
    """Record one change. Call it inside the service's transaction, so a rolled-back change
    leaves no trace in the log either."""
    data = dict(data or {})
    if meeting is not None:
        for note in _meeting_notes:
            data.update(note(meeting))
    return ActivityLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        meeting=meeting,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        data=data,
    )
