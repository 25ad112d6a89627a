from django.contrib.contenttypes.models import ContentType
from django.db import models

from activity.models import ActivityLog


def activity_log(
    *, actor, action: str, obj: models.Model | None = None, meeting=None, data: dict | None = None
) -> ActivityLog:
    """Record one change. Call it inside the service's transaction, so a rolled-back change
    leaves no trace in the log either."""
    return ActivityLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        meeting=meeting,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        data=data or {},
    )
