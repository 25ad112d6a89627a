"""visa: tasks. Thin: ids in, the services do the work; safe to run twice (a letter is issued once)."""

from celery import shared_task


@shared_task(name="gfmd.logistics.visa_issue_run")
def issue_run_task(run_id: int) -> None:
    from logistics.services.visa import visa_issue_run_work

    visa_issue_run_work(run_id=run_id)


@shared_task(name="gfmd.logistics.visa_issue_sweep")
def issue_sweep_task() -> None:
    """Resume the runs whose worker was lost (the "Issue all" button does the same for its meeting)."""
    from logistics.services.visa import visa_issue_runs_sweep

    visa_issue_runs_sweep()
