import json
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Ask the running Celery worker for one document as the portal does (a job row and its task; the badges "
        "split into parts rendered by a Celery group), wait until it is done and print the time as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind")
        parser.add_argument("--meeting", type=int, required=True)
        parser.add_argument("--timeout", type=float, default=600)

    def handle(self, *args, kind: str, meeting: int, timeout: float, **options):
        from reports.models import GeneratedFile
        from reports.services import request_key
        from reports.tasks import generate_report_task

        params = {"meeting": meeting, "language": "en"}
        # The job row without request_report's throttle and permission check: the benchmark is not a
        # person. Its key is unique, so no earlier run's job is followed.
        job = GeneratedFile.objects.create(kind=kind, parameters=params, request_key=request_key(kind, params))
        start = time.perf_counter()
        generate_report_task.delay(job.pk)
        while True:
            job.refresh_from_db()
            if not job.is_active:
                break
            if time.perf_counter() - start > timeout:
                raise CommandError(f"The {kind} job was not done within {timeout} s (progress {job.progress}%).")
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        if job.state != GeneratedFile.State.DONE:
            raise CommandError(f"The {kind} job failed: {job.error}")
        parts = kind == "badges"
        self.stdout.write(json.dumps({"seconds": round(seconds, 2), "pages": job.page_count, "parallel": parts}))
        job.file.delete(save=False)
        job.delete()
