from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from reports import services
from reports.conf import time_limit


@shared_task(
    name="gfmd.reports.generate",
    soft_time_limit=time_limit(),
    time_limit=time_limit() + 30,
    acks_late=True,
)
def generate_report_task(file_id: int) -> None:
    try:
        services.report_generate(file_id=file_id)
    except SoftTimeLimitExceeded:
        services.report_fail(file_id=file_id, error=services.TIMEOUT_MESSAGE)


@shared_task(name="gfmd.reports.purge_expired")
def purge_expired_task() -> int:
    """Hourly (beat): delete the files of expired documents."""
    return services.reports_purge_expired()


@shared_task(name="gfmd.reports.sweep_stalled")
def sweep_stalled_task() -> int:
    """Periodic (beat): fail the jobs no worker is producing any more, so no page waits forever."""
    return services.reports_sweep_stalled()
