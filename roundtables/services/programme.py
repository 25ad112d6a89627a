"""Publish the programme: a new immutable version that the public pages render."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity.services import activity_log
from roundtables.editions import ensure_open
from roundtables.models import Meeting, ProgrammeRelease, SessionPerson
from roundtables.programme.diff import programme_changes
from roundtables.programme.snapshot import build_snapshot
from roundtables.schedule import meeting_clashes
from roundtables.services._common import MANAGE_MEETING, require_perm
from roundtables.tasks import warm_programme_pages_task


@transaction.atomic
def programme_publish(*, meeting: Meeting, actor) -> ProgrammeRelease:
    """Publish what the database holds now as the next version. Refused while the schedule has clashes,
    or when nothing changed since the last version."""
    require_perm(actor, MANAGE_MEETING, meeting)
    ensure_open(meeting, actor)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    sessions = list(meeting.sessions.select_related("room"))
    clashes = meeting_clashes(sessions, list(SessionPerson.objects.filter(session__meeting=meeting)))
    if clashes:
        raise ValidationError(
            ngettext(
                "The schedule has %(count)d clash: resolve it before publishing.",
                "The schedule has %(count)d clashes: resolve them before publishing.",
                len(clashes),
            )
            % {"count": len(clashes)}
        )
    snapshot = build_snapshot(meeting)
    previous = ProgrammeRelease.objects.latest_for(meeting)
    if previous is not None and previous.snapshot == snapshot:
        raise ValidationError(_("Nothing has changed since version %(version)s.") % {"version": previous.version})
    release = ProgrammeRelease.objects.create(
        meeting=meeting,
        version=previous.version + 1 if previous else 1,
        published_at=timezone.now(),
        published_by=actor if actor is not None and actor.is_authenticated else None,
        snapshot=snapshot,
        changes=programme_changes(previous.snapshot, snapshot) if previous else [],
        previous_published_at=previous.published_at if previous else None,
    )
    activity_log(
        actor=actor,
        action="roundtables.programme.published",
        obj=release,
        meeting=meeting,
        data={"version": release.version, "change_count": len(release.changes)},
    )
    # Its public pages are rendered once, in the background, before the first visitor asks for them.
    transaction.on_commit(lambda: warm_programme_pages_task.delay(release.pk))
    return release
