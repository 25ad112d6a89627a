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


@shared_task(
    name="gfmd.reports.render_part",
    soft_time_limit=time_limit(),
    time_limit=time_limit() + 30,
    acks_late=True,
)
def render_report_part_task(file_id: int, index: int) -> None:
    """One part of a document rendered in parallel (a member of report_split's group)."""
    try:
        services.report_part_render(file_id=file_id, index=index)
    except SoftTimeLimitExceeded:
        services.report_fail(file_id=file_id, error=services.TIMEOUT_MESSAGE)


@shared_task(
    name="gfmd.reports.merge_parts",
    soft_time_limit=time_limit(),
    time_limit=time_limit() + 30,
    acks_late=True,
)
def merge_report_parts_task(file_id: int) -> None:
    """Join the parts, sent by the part that finished last."""
    try:
        services.report_parts_merge(file_id=file_id)
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
