"""Badges rendered in parallel: the job is split into parts (a Celery group, one task per part), the
part that finishes last sends the merge, and a worker that dies redoes its own part only."""

import contextlib

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import RegistrationFactory
from reports import services
from reports.models import GeneratedFile, GeneratedPart
from reports.registry import get_renderer
from reports.tasks import generate_report_task, merge_report_parts_task, render_report_part_task
from reports.tests.factories import GeneratedFileFactory
from reports.tests.pdf import file_content, page_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty(meeting, settings):
    """Twenty approved participants, eight badges a part: three parts (8, 8, 4)."""
    settings.REPORTS_BADGES_PER_PART = 8
    meeting.status = "open"
    meeting.save()
    return [
        RegistrationFactory(meeting=meeting, status="approved", person=UserFactory(last_name=f"Name{n:02d}"))
        for n in range(20)
    ]


def _job(chair, meeting) -> GeneratedFile:
    return GeneratedFileFactory(kind="badges", requested_by=chair, parameters={"meeting": meeting.pk})


def _run(job, django_capture_on_commit_callbacks) -> GeneratedFile:
    """The worker: the job's task, then every task its commits send (the group, then the merge)."""
    with django_capture_on_commit_callbacks(execute=True):
        generate_report_task.apply(args=[job.pk])
    job.refresh_from_db()
    return job


def test_the_parts_render_apart_and_merge_into_the_same_document_as_in_one_piece(
    chair, meeting, twenty, settings, django_capture_on_commit_callbacks
):
    parallel = _run(_job(chair, meeting), django_capture_on_commit_callbacks)
    assert (parallel.state, parallel.progress, parallel.page_count) == (GeneratedFile.State.DONE, 100, 3)
    pages = page_texts(file_content(parallel))
    assert [page.upper().count("NAME") for page in pages] == [8, 8, 4]

    settings.REPORTS_PARALLEL_PARTS = False
    GeneratedFile.objects.all().delete()
    serial = _run(_job(chair, meeting), django_capture_on_commit_callbacks)
    assert page_texts(file_content(serial)) == pages
    # The parts' rows and files are gone once merged.
    assert not GeneratedPart.objects.exists()


def test_each_part_holds_the_registrations_fixed_when_the_job_was_split(chair, meeting, twenty):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    renderer = get_renderer("badges")
    services.report_split(generated=job, renderer=renderer)
    parts = list(job.parts.order_by("index"))
    assert [len(part.items) for part in parts] == [8, 8, 4]
    expected = sorted(twenty, key=lambda registration: (registration.delegation.name, registration.person.last_name))
    assert [pk for part in parts for pk in part.items] == [registration.pk for registration in expected]
    job.refresh_from_db()
    assert (job.state, job.progress) == (GeneratedFile.State.RUNNING, 5)


def test_a_registration_withdrawn_while_the_parts_render_is_left_out_and_none_is_doubled(
    chair, meeting, twenty, django_capture_on_commit_callbacks
):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))
    twenty[0].status = "withdrawn"
    twenty[0].save()
    # Approved after the split: in no part, so on no sheet twice.
    RegistrationFactory(meeting=meeting, status="approved", person=UserFactory(last_name="Latecomer"))
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(3):
            render_report_part_task.apply(args=[job.pk, index])
    job.refresh_from_db()
    text = " ".join(page_texts(file_content(job))).upper()
    assert job.state == GeneratedFile.State.DONE
    assert text.count("NAME") == 19
    assert "NAME00" not in text
    assert "LATECOMER" not in text


def test_progress_counts_the_parts_done_and_only_the_last_part_sends_the_merge(
    chair, meeting, twenty, django_capture_on_commit_callbacks
):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))
    with django_capture_on_commit_callbacks() as sent:
        services.report_part_render(file_id=job.pk, index=1)
    job.refresh_from_db()
    assert job.progress == 5 + 85 * 1 // 3
    assert services.part_counts(job) == (1, 3)
    assert sent == []
    with django_capture_on_commit_callbacks() as sent:
        services.report_part_render(file_id=job.pk, index=0)
        services.report_part_render(file_id=job.pk, index=2)
    job.refresh_from_db()
    assert (job.state, job.progress) == (GeneratedFile.State.RUNNING, services.MERGING_PROGRESS)
    assert len(sent) == 1  # the merge, once


def test_a_part_delivered_again_after_it_was_done_is_not_rendered_again(
    chair, meeting, twenty, monkeypatch, django_capture_on_commit_callbacks
):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))
    services.report_part_render(file_id=job.pk, index=0)
    renders = []
    monkeypatch.setattr(services, "render_part", lambda *args, **kwargs: renders.append(args) or 1)
    services.report_part_render(file_id=job.pk, index=0)
    assert renders == []
    assert job.parts.get(index=0).attempts == 1


class WorkerDied(BaseException):
    """A killed worker, seen from the rows: the render stops and nothing is recorded."""


def test_a_part_that_kills_its_worker_every_time_fails_the_job_after_three_attempts(
    chair, meeting, twenty, monkeypatch
):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))

    def die(*args, **kwargs):
        raise WorkerDied

    monkeypatch.setattr(services, "render_part", die)
    for _delivery in range(5):
        with contextlib.suppress(WorkerDied):
            services.report_part_render(file_id=job.pk, index=2)
    job.refresh_from_db()
    assert job.state == GeneratedFile.State.FAILED
    assert "stopped before finishing, 3 times" in job.error
    assert job.parts.get(index=2).attempts == 3
    # The other parts, delivered after the failure, do nothing.
    assert services.report_part_render(file_id=job.pk, index=0) is None
    # The purge removes what a failed job left.
    services.reports_purge_expired()
    assert not GeneratedPart.objects.filter(generated_file=job).exists()


def test_an_error_in_one_part_fails_the_job_with_its_reason(chair, meeting, twenty, monkeypatch):
    from reports.registry import ReportError

    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))

    def refuse(*args, **kwargs):
        raise ReportError("The sheet art is missing.")

    monkeypatch.setattr(services, "render_part", refuse)
    services.report_part_render(file_id=job.pk, index=1)
    job.refresh_from_db()
    assert (job.state, job.error) == (GeneratedFile.State.FAILED, "The sheet art is missing.")


def test_a_job_delivered_again_keeps_its_parts_and_sends_only_those_not_done(
    chair, meeting, twenty, django_capture_on_commit_callbacks
):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))
    services.report_part_render(file_id=job.pk, index=0)
    items = list(job.parts.order_by("index").values_list("items", flat=True))
    sent_indices = []
    from celery import group

    real_apply = group.apply_async

    def spy(self, *args, **kwargs):
        sent_indices.extend(task.args[1] for task in self.tasks)
        return real_apply(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(group, "apply_async", spy)
        # The worker died after the split; the broker delivers the job's task again.
        _run(job, django_capture_on_commit_callbacks)
    assert sent_indices == [1, 2]
    assert job.state == GeneratedFile.State.DONE
    assert job.page_count == 3
    assert len(items) == 3


def test_the_merge_delivered_twice_stores_one_file(chair, meeting, twenty, django_capture_on_commit_callbacks):
    done = _run(_job(chair, meeting), django_capture_on_commit_callbacks)
    name = done.file.name
    merge_report_parts_task.apply(args=[done.pk])
    done.refresh_from_db()
    assert (done.state, done.file.name) == (GeneratedFile.State.DONE, name)


def test_the_page_says_how_many_parts_are_ready(client, chair, meeting, twenty):
    job = _job(chair, meeting)
    services.report_start(file_id=job.pk)
    services.report_split(generated=job, renderer=get_renderer("badges"))
    services.report_part_render(file_id=job.pk, index=0)
    client.force_login(chair)
    response = client.get(reverse("reports:file_status", args=[job.pk]))
    assert "1 of 3 parts ready" in response.content.decode()
