import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from activity.models import ActivityLog
from mailings.models import OutgoingMail
from papers import services
from papers.models import DeadlineReminder, Paper, SubmissionDeadline
from papers.services.deadlines import reminder_kind
from papers.tasks import send_deadline_reminders_task
from papers.tests.factories import PaperFactory, SubmissionDeadlineFactory, VersionFactory

NOW = dt.datetime(2010, 10, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def future_meeting(team):
    # The team's meeting is still to be held, so reminders apply.
    meeting = team.session.meeting
    meeting.start_date = timezone.localdate() + dt.timedelta(days=60)
    meeting.end_date = meeting.start_date + dt.timedelta(days=3)
    meeting.save()
    return meeting


@pytest.mark.parametrize(
    ("before_deadline", "kind"),
    [
        (dt.timedelta(days=8), None),
        (dt.timedelta(days=7), "week_before"),
        (dt.timedelta(days=2), "week_before"),
        (dt.timedelta(hours=24), "day_before"),
        (dt.timedelta(minutes=1), "day_before"),
        (dt.timedelta(0), "overdue"),
        (-dt.timedelta(days=13), "overdue"),
        (-dt.timedelta(days=14), None),
    ],
)
def test_reminder_kind_windows(before_deadline, kind):
    assert reminder_kind(NOW + before_deadline, NOW) == kind


@pytest.mark.django_db
def test_the_task_reminds_a_team_without_a_paper_once(team, future_meeting):
    SubmissionDeadlineFactory(meeting=future_meeting, due_at=timezone.now() + dt.timedelta(days=3))
    assert send_deadline_reminders_task.apply().get() == 1
    assert send_deadline_reminders_task.apply().get() == 0  # never twice
    reminder = DeadlineReminder.objects.get()
    assert (reminder.session, reminder.kind, reminder.recipients) == (team.session, "week_before", 5)
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [
        "author@example.org",
        "co_chair_fp@example.org",
        "co_chair_rep@example.org",
        "member_fp@example.org",
        "rapporteur@example.org",
    ]
    assert set(OutgoingMail.objects.values_list("subject", flat=True)) == {
        "Background paper due in a week: session 1.1"
    }
    assert ActivityLog.objects.filter(action="papers.deadline.reminded").count() == 1


@pytest.mark.django_db
def test_the_task_reminds_a_team_whose_paper_is_in_revision(team, future_meeting):
    SubmissionDeadlineFactory(meeting=future_meeting, due_at=timezone.now() - dt.timedelta(days=1))
    paper = PaperFactory(session=team.session, state=Paper.State.REVISION_REQUESTED)
    VersionFactory(paper=paper)
    assert send_deadline_reminders_task.apply().get() == 1
    assert DeadlineReminder.objects.get().kind == "overdue"
    assert paper.title in OutgoingMail.objects.first().body_text


@pytest.mark.django_db
@pytest.mark.parametrize("state", [Paper.State.SUBMITTED, Paper.State.IN_REVIEW, Paper.State.ACCEPTED])
def test_the_task_leaves_teams_whose_paper_is_in(team, future_meeting, state):
    SubmissionDeadlineFactory(meeting=future_meeting, due_at=timezone.now() + dt.timedelta(hours=3))
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT)
    VersionFactory(paper=paper)
    Paper.objects.filter(pk=paper.pk).update(state=state, accepted_version=paper.versions.get())
    assert send_deadline_reminders_task.apply().get() == 0
    assert OutgoingMail.objects.count() == 0


@pytest.mark.django_db
def test_a_sessions_own_deadline_wins_over_the_meetings(team, future_meeting):
    SubmissionDeadlineFactory(meeting=future_meeting, due_at=timezone.now() + dt.timedelta(days=30))
    SubmissionDeadlineFactory(
        meeting=future_meeting, session=team.session, due_at=timezone.now() + dt.timedelta(hours=5)
    )
    send_deadline_reminders_task.apply()
    assert DeadlineReminder.objects.get().kind == "day_before"


@pytest.mark.django_db
def test_a_new_deadline_gets_its_own_reminders(team, future_meeting, chair):
    deadline = SubmissionDeadlineFactory(meeting=future_meeting, due_at=timezone.now() + dt.timedelta(days=3))
    send_deadline_reminders_task.apply()
    services.deadline_set(meeting=future_meeting, actor=chair, due_at=deadline.due_at + dt.timedelta(days=1))
    assert send_deadline_reminders_task.apply().get() == 1
    assert DeadlineReminder.objects.count() == 2


@pytest.mark.django_db
def test_no_reminders_for_a_meeting_already_held(team):
    SubmissionDeadlineFactory(meeting=team.session.meeting, due_at=timezone.now() - dt.timedelta(days=1))
    assert send_deadline_reminders_task.apply().get() == 0


@pytest.mark.django_db
def test_deadline_set_by_the_chairs_office_is_logged(team, chair):
    due = timezone.now() + dt.timedelta(days=10)
    services.deadline_set(meeting=team.session.meeting, actor=chair, due_at=due)
    services.deadline_set(meeting=team.session.meeting, actor=chair, due_at=due, session=team.session)
    assert list(SubmissionDeadline.objects.order_by("pk").values_list("session", "due_at")) == [
        (None, due),
        (team.session.pk, due),
    ]
    assert ActivityLog.objects.filter(action="papers.deadline.set").count() == 2
    services.deadline_clear(session=team.session, actor=chair)
    assert SubmissionDeadline.objects.count() == 1


@pytest.mark.django_db
def test_deadline_set_by_a_co_chair_is_refused(team):
    with pytest.raises(PermissionDenied):
        services.deadline_set(meeting=team.session.meeting, actor=team.co_chair_rep, due_at=timezone.now())
    assert SubmissionDeadline.objects.count() == 0
