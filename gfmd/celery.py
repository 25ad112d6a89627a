"""The Celery app. Tasks live in each app's tasks.py and are named gfmd.<app>.<verb>."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gfmd.settings")

app = Celery("gfmd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
