"""Submission deadlines (a meeting's, and a session's own when the Chair's office sets one) and
the reminders sent to teams whose background paper is still missing or in revision."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from activity.services import activity_log
from papers.models import DeadlineReminder, Paper, SubmissionDeadline
from papers.services import notify
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Session

WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)
# Overdue reminders stop after this long: the Chair's office follows up by hand.
OVERDUE_WINDOW = dt.timedelta(days=14)


def _require_chair(actor, meeting: Meeting) -> None:
    # The meeting's own Chair's office (roundtables.permissions), not another meeting's.
    if actor is None or not actor.has_perm("papers.set_deadline", meeting):
        raise PermissionDenied


@transaction.atomic
def deadline_set(*, meeting: Meeting, actor, due_at: dt.datetime, session: Session | None = None) -> SubmissionDeadline:
    """Set the meeting's paper deadline, or a session's own deadline."""
    _require_chair(actor, meeting)
    if session is not None and session.meeting_id != meeting.pk:
        raise ValueError("The session belongs to another meeting.")
    ensure_open(meeting, actor)
    deadline, _created = SubmissionDeadline.objects.update_or_create(
        meeting=meeting, session=session, defaults={"due_at": due_at, "set_by": actor}
    )
    activity_log(
        actor=actor,
        action="papers.deadline.set",
        obj=session or meeting,
        meeting=meeting,
        data={"due_at": due_at.isoformat(), "session": session.code if session else ""},
    )
    return deadline


@transaction.atomic
def deadline_clear(*, session: Session, actor) -> None:
    """Remove a session's own deadline: the meeting's applies again."""
    _require_chair(actor, session.meeting)
    ensure_open(session.meeting, actor)
    deleted, _ = SubmissionDeadline.objects.filter(session=session).delete()
    if deleted:
        activity_log(
            actor=actor,
            action="papers.deadline.cleared",
            obj=session,
            meeting=session.meeting,
            data={"session": session.code},
        )


def reminder_kind(due_at: dt.datetime, now: dt.datetime) -> str | None:
    """Which reminder is due now, if any. The windows do not overlap: a team gets at most one
    reminder of each kind per deadline, even if the task runs every few minutes."""
    if due_at - WEEK <= now < due_at - DAY:
        return DeadlineReminder.Kind.WEEK_BEFORE
    if due_at - DAY <= now < due_at:
        return DeadlineReminder.Kind.DAY_BEFORE
    if due_at <= now < due_at + OVERDUE_WINDOW:
        return DeadlineReminder.Kind.OVERDUE
    return None


def deadline_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the teams of sessions whose background paper is missing or in revision. Each
    reminder is a row with a unique (session, kind, deadline): sent once, never twice, even
    when two workers run this at the same moment. Returns the number of reminders sent."""
    now = now or timezone.now()
    sent = 0
    # A closed meeting's papers are its record: nobody is reminded to write one.
    for meeting in Meeting.objects.filter(end_date__gte=now.date(), closed_at__isnull=True):
        default = SubmissionDeadline.objects.filter(meeting=meeting, session__isnull=True).first()
        sessions = (
            meeting.sessions.filter(kind=Session.Kind.ROUNDTABLE)
            .select_related("paper_deadline", "meeting")
            .order_by("code")
        )
        for session in sessions:
            own = getattr(session, "paper_deadline", None)
            due_at = own.due_at if own else default.due_at if default else None
            kind = reminder_kind(due_at, now) if due_at else None
            if kind is None:
                continue
            paper = Paper.objects.active().filter(session=session, kind=Paper.Kind.BACKGROUND).order_by("-pk").first()
            if paper is not None and paper.state in Paper.DELIVERED_STATES:
                continue
            sent += _send_reminder(session=session, kind=kind, due_at=due_at, paper=paper)
    return sent


def _send_reminder(*, session: Session, kind: str, due_at: dt.datetime, paper: Paper | None) -> int:
    try:
        with transaction.atomic():
            reminder = DeadlineReminder.objects.create(session=session, kind=kind, due_at=due_at)
            reminder.recipients = notify.mail_reminder(session=session, kind=kind, due_at=due_at, paper=paper)
            reminder.save(update_fields=["recipients"])
            activity_log(
                actor=None,
                action="papers.deadline.reminded",
                obj=session,
                meeting=session.meeting,
                data={"kind": kind, "recipients": reminder.recipients},
            )
    except IntegrityError:  # this reminder went out already
        return 0
    return 1
