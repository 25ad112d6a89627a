"""The Celery app. Tasks live in each app's tasks.py and are named gfmd.<app>.<verb>."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gfmd.settings")

app = Celery("gfmd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _mail_and_survey_schedule(sender, source, **kwargs) -> None:
    """Beat entries of the mailings and surveys apps, added to CELERY_BEAT_SCHEDULE. Run beat with
    the worker (`celery -A gfmd worker -B`, as scripts/run.sh does) or as its own process."""
    from django.conf import settings

    source.beat_schedule.update(
        {
            # Requeue mails stuck in "sending" after a worker died, send due retries, restart stalled mailings.
            "mailings-sweep": {"task": "gfmd.mailings.sweep", "schedule": settings.MAILINGS_SWEEP_SECONDS},
            # Blank the text of mails sent more than MAILINGS_BODY_RETENTION_DAYS ago, once a day.
            "mailings-purge-bodies": {"task": "gfmd.mailings.purge_bodies", "schedule": crontab(hour=3, minute=17)},
            # Scheduled survey reminders whose time has come (each is sent once: a database constraint).
            "surveys-due-reminders": {
                "task": "gfmd.surveys.send_due_reminders",
                "schedule": settings.SURVEYS_REMINDER_CHECK_SECONDS,
            },
        }
    )
