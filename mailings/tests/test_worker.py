"""A task sent to the broker is executed by a real Celery worker process."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from gfmd.celery import app as celery_app
from mailings.models import OutgoingMail
from mailings.tasks import send_mail_task

pytestmark = pytest.mark.worker


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "localhost"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, transactional_db):
    """Start `celery worker` on the broker the portal is configured with (Redis when REDIS_URL
    is set, otherwise a SQLite file), against the test database; stop it afterwards."""
    broker = settings.CELERY_BROKER_URL if settings.REDIS_URL else f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gfmd.settings",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "GFMD_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "gfmd",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            f"test-{os.getpid()}",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = broker
    try:
        yield {"queue": f"test-{os.getpid()}", "mail_dir": tmp_path / "mail", "broker": broker}
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_task_sent_to_broker_is_run_by_a_worker_process(worker):
    mail = OutgoingMail.objects.create(to="ana@example.org", subject="Sent by the worker", body_text="Hello")
    with celery_app.connection_for_write(worker["broker"]) as conn:
        send_mail_task.apply_async(args=[mail.pk], queue=worker["queue"], connection=conn)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        mail.refresh_from_db()
        if mail.state == OutgoingMail.State.SENT:
            break
        time.sleep(0.5)
    assert mail.state == OutgoingMail.State.SENT
    written = list(Path(worker["mail_dir"]).glob("*.log"))
    assert len(written) == 1
    assert "Subject: Sent by the worker" in written[0].read_text()
