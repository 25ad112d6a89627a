"""Thin tasks: ids in, the services do the work. Every task is safe to run twice."""

from celery import shared_task

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
def sweep_task() -> None:
    services.mailings_sweep()
