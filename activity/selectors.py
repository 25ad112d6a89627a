from django.db.models import QuerySet

from activity.models import ActivityLog


def activity_for_meeting(meeting, *, prefix: str = "") -> QuerySet[ActivityLog]:
    """A meeting's log, newest first; `prefix` narrows it to one app ("roundtables.")."""
    log = ActivityLog.objects.filter(meeting=meeting).select_related("actor")
    return log.filter(action__startswith=prefix) if prefix else log


def activity_for_object(obj) -> QuerySet[ActivityLog]:
    from django.contrib.contenttypes.models import ContentType

    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")
