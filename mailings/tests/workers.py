"""Start and kill real Celery worker processes against the test database (for worker tests)."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from gfmd.celery import app as celery_app


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "localhost"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery worker` (with beat when asked) in its own process group, so that kill() takes the
    embedded beat down with it, as when a machine dies."""

    def __init__(self, folder: Path, *, broker: str, queue: str, beat: bool, env: dict[str, str], name: str):
        self.log_path = folder / f"{name}.log"
        command = [
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
            f"--hostname={name}@%h",
        ]
        if beat:
            command += ["-B", f"--schedule={folder / f'{name}-beat-schedule'}"]
        self._log = open(self.log_path, "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "gfmd.settings",
                "DATABASE_URL": database_url(),
                "CELERY_BROKER_URL": broker,
                "CELERY_TASK_DEFAULT_QUEUE": queue,
                "GFMD_VAR_DIR": str(folder),
                "PYTHONUNBUFFERED": "1",
                **env,
            },
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL to the whole process group: no clean shutdown, no chance to finish the mail."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self._log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        if not self._log.closed:
            self._log.close()

    @property
    def log(self) -> str:
        return self.log_path.read_text()


@contextmanager
def worker_broker(folder: Path):
    """The broker workers of this test use (Redis when REDIS_URL is set, else a private SQLite file),
    with this test process sending its tasks there, to a queue of its own."""
    broker = settings.CELERY_BROKER_URL if settings.REDIS_URL else f"sqla+sqlite:///{folder / 'broker.sqlite3'}"
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"
    conf = celery_app.conf
    previous = (conf.task_always_eager, conf.broker_url, conf.task_default_queue)
    conf.task_always_eager, conf.broker_url, conf.task_default_queue = False, broker, queue
    _reset_producer_pool()  # it was made for the previous broker
    try:
        yield {"broker": broker, "queue": queue}
    finally:
        conf.task_always_eager, conf.broker_url, conf.task_default_queue = previous
        _reset_producer_pool()


def _reset_producer_pool() -> None:
    # Celery caches its connection pool and producer pool on the app; both name the old broker.
    # (Not closed: kombu's global pools, shared by every app for one broker URL, hold them too.)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def wait_until(condition, *, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
