import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from reports import services
from reports.models import GeneratedFile
from reports.services import report_generate, report_retry, reports_purge_expired, request_report
from reports.tests.factories import GeneratedFileFactory
from reports.tests.pdf import file_content, page_texts

pytestmark = pytest.mark.django_db


def test_request_report_produces_the_pdf_after_commit(chair, simple_renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        generated = request_report(kind="test-simple", params={"title": "Proceedings"}, user=chair)
        assert generated.state == GeneratedFile.State.QUEUED  # nothing runs before the commit
    generated.refresh_from_db()
    assert len(callbacks) == 1
    assert (generated.state, generated.progress, generated.page_count, generated.filename) == (
        GeneratedFile.State.DONE,
        100,
        1,
        "gfmd-test.pdf",
    )
    assert page_texts(file_content(generated)) == ["Proceedings Bonjour, señora Núñez"]
    assert generated.expires_at - generated.finished_at == dt.timedelta(days=7)
    assert ActivityLog.objects.filter(action="reports.file.requested", object_id=str(generated.pk)).count() == 1


def test_same_request_while_queued_returns_the_same_job(chair, simple_renderer):
    first = request_report(kind="test-simple", params={"title": "Programme"}, user=chair)
    second = request_report(kind="test-simple", params={"title": "Programme"}, user=chair)
    assert second.pk == first.pk
    assert GeneratedFile.objects.count() == 1


def test_same_request_by_another_person_follows_the_running_job(chair, simple_renderer):
    first = request_report(kind="test-simple", params={"title": "Programme"}, user=chair)
    GeneratedFile.objects.filter(pk=first.pk).update(state=GeneratedFile.State.RUNNING, started_at=timezone.now())
    colleague = request_report(kind="test-simple", params={"title": "Programme"}, user=UserFactory(is_superuser=True))
    assert colleague.pk == first.pk


def test_different_parameters_are_different_jobs(chair, simple_renderer):
    first = request_report(kind="test-simple", params={"title": "One"}, user=chair)
    second = request_report(kind="test-simple", params={"title": "Two"}, user=chair)
    assert first.pk != second.pk


def test_a_finished_job_does_not_block_a_new_request(chair, simple_renderer):
    first = request_report(kind="test-simple", params={"title": "One"}, user=chair)
    GeneratedFile.objects.filter(pk=first.pk).update(state=GeneratedFile.State.DONE)
    second = request_report(kind="test-simple", params={"title": "One"}, user=chair)
    assert second.pk != first.pk


def test_database_refuses_two_active_jobs_for_one_request():
    first = GeneratedFileFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        GeneratedFileFactory(request_key=first.request_key, state=GeneratedFile.State.RUNNING)
    GeneratedFileFactory(request_key=first.request_key, state=GeneratedFile.State.FAILED)
    assert GeneratedFile.objects.filter(request_key=first.request_key).count() == 2


def test_request_by_someone_who_may_not_see_the_content_is_refused(simple_renderer):
    with pytest.raises(PermissionDenied):
        request_report(kind="test-simple", params={"title": "Secret"}, user=UserFactory())
    assert GeneratedFile.objects.count() == 0


def test_request_of_an_unknown_kind_is_invalid(chair):
    with pytest.raises(ValidationError):
        request_report(kind="no-such-document", params={}, user=chair)


def test_a_job_lost_by_its_worker_is_failed_and_asked_again(chair, simple_renderer):
    lost = request_report(kind="test-simple", params={"title": "One"}, user=chair)
    GeneratedFile.objects.filter(pk=lost.pk).update(
        state=GeneratedFile.State.RUNNING, started_at=timezone.now() - dt.timedelta(hours=1)
    )
    again = request_report(kind="test-simple", params={"title": "One"}, user=chair)
    lost.refresh_from_db()
    assert again.pk != lost.pk
    assert (lost.state, lost.error) == (GeneratedFile.State.FAILED, str(services.STALE_MESSAGE))


def test_failure_is_recorded_with_a_clear_message(chair, failing_renderer):
    generated = GeneratedFileFactory(kind="test-failing", parameters={}, requested_by=chair)
    report_generate(file_id=generated.pk)
    generated.refresh_from_db()
    assert generated.state == GeneratedFile.State.FAILED
    assert generated.error == (
        "The document could not be produced because of an unexpected error (ZeroDivisionError). "
        "The technical team can find the details in the worker's log. Try again."
    )
    assert "secret internal detail" not in generated.error
    assert not generated.file


def test_a_report_error_is_shown_as_it_is(chair, monkeypatch, simple_renderer):
    from reports.registry import ReportError

    def build(params):
        raise ReportError("No approved participant needs a badge yet.")
        yield

    monkeypatch.setattr(simple_renderer, "build", build)
    generated = GeneratedFileFactory(kind="test-simple", parameters={"title": "x"}, requested_by=chair)
    report_generate(file_id=generated.pk)
    generated.refresh_from_db()
    assert (generated.state, generated.error) == (
        GeneratedFile.State.FAILED,
        "No approved participant needs a badge yet.",
    )


def test_a_job_over_its_time_limit_is_stopped(chair, settings, monkeypatch, simple_renderer):
    from reports.registry import Part
    from reports.tests.conftest import SIMPLE_HTML

    settings.REPORTS_TIME_LIMIT = 1
    clock = iter([0.0, 0.5, 5.0, 9.0, 12.0])
    monkeypatch.setattr("reports.rendering.clock", lambda: next(clock))

    def build(params):
        for number in range(3):
            yield Part(SIMPLE_HTML.format(title=f"Part {number}", body=""))

    monkeypatch.setattr(simple_renderer, "build", build)
    generated = GeneratedFileFactory(kind="test-simple", parameters={"title": "x"}, requested_by=chair)
    report_generate(file_id=generated.pk)
    generated.refresh_from_db()
    assert (generated.state, generated.error) == (GeneratedFile.State.FAILED, str(services.TIMEOUT_MESSAGE))


def test_retry_of_a_failed_job_asks_again(chair, simple_renderer):
    failed = GeneratedFileFactory(
        kind="test-simple", parameters={"title": "x"}, requested_by=chair, state=GeneratedFile.State.FAILED
    )
    retried = report_retry(generated_file=failed, user=chair)
    assert retried.pk != failed.pk
    assert (retried.state, retried.parameters) == (GeneratedFile.State.QUEUED, {"title": "x"})


def test_generate_leaves_a_finished_job_alone(chair, simple_renderer):
    done = GeneratedFileFactory(
        kind="test-simple", parameters={"title": "x"}, requested_by=chair, state=GeneratedFile.State.DONE
    )
    assert report_generate(file_id=done.pk) is None
    assert simple_renderer.calls == []


def test_purge_deletes_expired_files_and_keeps_the_rows(chair, simple_renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generated = request_report(kind="test-simple", params={"title": "Old"}, user=chair)
    generated.refresh_from_db()
    path = generated.file.path
    GeneratedFile.objects.filter(pk=generated.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert reports_purge_expired() == 1
    generated.refresh_from_db()
    assert (generated.file.name, generated.is_downloadable) == ("", False)
    import os

    assert not os.path.exists(path)


def test_purge_task_is_scheduled_and_runs(settings):
    from reports.tasks import purge_expired_task

    assert settings.CELERY_BEAT_SCHEDULE["reports-purge-expired"]["task"] == purge_expired_task.name
    assert purge_expired_task.apply().get() == 0
