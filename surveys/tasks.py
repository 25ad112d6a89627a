"""Thin tasks: the services do the work; safe to run twice."""

from celery import shared_task

from surveys import services


@shared_task(name="gfmd.surveys.send_due_reminders")
def send_due_reminders_task() -> None:
    services.reminders_send_due()
