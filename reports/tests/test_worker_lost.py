"""A job whose worker dies: the task is delivered again (acks_late), started at most three times
in all, then failed with a message; it never loops."""

import contextlib
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import GeneratedFile
from reports.services import report_generate, reports_sweep_stalled
from reports.tasks import generate_report_task, sweep_stalled_task
from reports.tests.factories import GeneratedFileFactory

pytestmark = pytest.mark.django_db

WORKER_LOST = (
    "The worker producing this document stopped before finishing, 3 times, so it was not tried again "
    "(the document may be too large for the worker's memory). Ask the portal's technical team to look "
    "at the worker's log before trying again."
)


class WorkerDied(BaseException):
    """What a killed worker looks like from the row: the render stops and nothing is recorded
    (a BaseException, so none of report_generate's handlers catch it)."""


def _job(chair, **fields) -> GeneratedFile:
    fields.setdefault("parameters", {"title": "x"})
    return GeneratedFileFactory(kind="test-simple", requested_by=chair, **fields)


def test_first_delivery_counts_one_attempt(chair, simple_renderer):
    job = _job(chair)
    generate_report_task.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == (GeneratedFile.State.DONE, 1, "")


def test_redelivery_after_the_worker_died_starts_the_job_again(chair, simple_renderer):
    started = timezone.now() - dt.timedelta(minutes=2)
    job = _job(chair, state=GeneratedFile.State.RUNNING, attempts=1, progress=40, started_at=started)
    generate_report_task.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.state, job.attempts, job.progress) == (GeneratedFile.State.DONE, 2, 100)
    assert job.started_at > started
    assert len(simple_renderer.calls) == 1


def test_redelivery_after_the_last_attempt_fails_the_job_without_rendering(chair, simple_renderer):
    from activity.models import ActivityLog

    job = _job(chair, state=GeneratedFile.State.RUNNING, attempts=3, progress=40, started_at=timezone.now())
    generate_report_task.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.state, job.attempts, job.progress, job.error) == (GeneratedFile.State.FAILED, 3, 40, WORKER_LOST)
    assert simple_renderer.calls == []
    log = ActivityLog.objects.get(action="reports.file.failed", object_id=str(job.pk))
    assert log.data == {"kind": "test-simple", "error": WORKER_LOST, "attempts": 3}


def test_a_document_that_kills_its_worker_every_time_is_tried_three_times_then_failed(
    chair, simple_renderer, monkeypatch
):
    def build(params):
        simple_renderer.calls.append(params)
        raise WorkerDied
        yield

    monkeypatch.setattr(simple_renderer, "build", build)
    job = _job(chair)
    states = []
    # The broker delivers the task again each time the worker dies, for as long as it is not acknowledged.
    for _delivery in range(10):
        with contextlib.suppress(WorkerDied):
            report_generate(file_id=job.pk)
        job.refresh_from_db()
        states.append((job.state, job.attempts))
        if not job.is_active:
            break
    assert states == [
        (GeneratedFile.State.RUNNING, 1),
        (GeneratedFile.State.RUNNING, 2),
        (GeneratedFile.State.RUNNING, 3),
        (GeneratedFile.State.FAILED, 3),
    ]
    assert len(simple_renderer.calls) == 3
    assert job.error == WORKER_LOST


def test_the_message_is_written_in_the_documents_language(chair, simple_renderer, monkeypatch):
    monkeypatch.setattr(services, "worker_lost_message", lambda: services.translation.get_language())
    job = _job(chair, parameters={"title": "x", "language": "fr"}, state=GeneratedFile.State.RUNNING, attempts=3)
    report_generate(file_id=job.pk)
    job.refresh_from_db()
    assert (job.state, job.error) == (GeneratedFile.State.FAILED, "fr")


def test_sweep_fails_the_jobs_nobody_is_producing(chair, simple_renderer, settings):
    settings.REPORTS_TIME_LIMIT = 60
    long_ago = timezone.now() - dt.timedelta(hours=1)
    exhausted = _job(chair, state=GeneratedFile.State.RUNNING, attempts=3, started_at=long_ago)
    died_once = _job(
        chair, parameters={"title": "y"}, state=GeneratedFile.State.RUNNING, attempts=1, started_at=long_ago
    )
    never_picked = _job(chair, parameters={"title": "z"})
    GeneratedFile.objects.filter(pk=never_picked.pk).update(created_at=long_ago)
    working = _job(
        chair, parameters={"title": "w"}, state=GeneratedFile.State.RUNNING, attempts=2, started_at=timezone.now()
    )
    waiting = _job(chair, parameters={"title": "v"})

    assert sweep_stalled_task.apply().get() == 3

    rows = {job.pk: (job.state, job.error) for job in GeneratedFile.objects.all()}
    assert rows == {
        exhausted.pk: (GeneratedFile.State.FAILED, WORKER_LOST),
        died_once.pk: (GeneratedFile.State.FAILED, str(services.STALE_MESSAGE)),
        never_picked.pk: (GeneratedFile.State.FAILED, str(services.STALE_MESSAGE)),
        working.pk: (GeneratedFile.State.RUNNING, ""),
        waiting.pk: (GeneratedFile.State.QUEUED, ""),
    }
    assert reports_sweep_stalled() == 0


def test_file_page_shows_why_the_job_failed(client, chair, simple_renderer):
    job = _job(chair, state=GeneratedFile.State.RUNNING, attempts=3)
    report_generate(file_id=job.pk)
    client.force_login(chair)
    page = client.get(reverse("reports:file_detail", kwargs={"pk": job.pk})).content.decode()
    assert "The document could not be produced." in page
    assert WORKER_LOST.replace("'", "&#x27;") in page


def test_file_page_says_which_attempt_is_running(client, chair, simple_renderer):
    job = _job(chair, state=GeneratedFile.State.RUNNING, attempts=2, started_at=timezone.now())
    client.force_login(chair)
    page = client.get(reverse("reports:file_status", kwargs={"pk": job.pk})).content.decode()
    assert "The worker stopped before finishing; this is attempt 2 of 3." in page
    job.attempts = 1
    job.save()
    page = client.get(reverse("reports:file_status", kwargs={"pk": job.pk})).content.decode()
    assert "attempt" not in page
