from celery import shared_task

from papers import services


@shared_task(name="gfmd.papers.send_deadline_reminders")
def send_deadline_reminders_task() -> int:
    """Hourly (CELERY_BEAT_SCHEDULE): remind teams whose background paper is missing or in revision."""
    return services.deadline_reminders_send()
