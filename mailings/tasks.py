"""Thin tasks: ids in, the services do the work. Every task is safe to run twice."""

from celery import shared_task
from celery.signals import worker_ready

from mailings import services
from mailings.sending import PUMP_BUDGET_SECONDS


@shared_task(name="gfmd.mailings.send")
def send_mail_task(mail_id: int) -> None:
    services.mail_send(mail_id=mail_id)


@shared_task(name="gfmd.mailings.send_mailing")
def send_mailing_task(mailing_id: int) -> None:
    if services.mailing_pump(mailing_id=mailing_id, budget_seconds=PUMP_BUDGET_SECONDS):
        send_mailing_task.delay(mailing_id)


@shared_task(name="gfmd.mailings.sweep")
def sweep_task(restart_all: bool = False) -> None:
    services.mailings_sweep(restart_all=restart_all)


@shared_task(name="gfmd.mailings.purge_bodies")
def purge_bodies_task() -> None:
    services.mail_bodies_purge()


@worker_ready.connect
def _resume_mailings_on_start(sender, **kwargs) -> None:
    """A worker that starts (after a crash, say) resumes the mailings in progress at once."""
    sweep_task.apply_async(kwargs={"restart_all": True})
