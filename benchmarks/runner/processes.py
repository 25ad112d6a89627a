"""Processes of the benchmark: the bench's environment (production settings), manage.py calls, and
background servers that are always stopped again (their whole process group)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
OUT = BASE_DIR / "var" / "bench"
STATE = OUT / "var"  # the bench's own GFMD_VAR_DIR: media, static files, cache, broker
PY = sys.executable
PORT = 8765


class BenchError(Exception):
    pass


def bench_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings on loopback: DEBUG off, compressed static files, the database of the scale;
    mail goes to the local SMTP server; the broker is Redis when REDIS_URL is set, otherwise the SQLite
    transport on a file of the bench's own. Tasks go to a queue of the bench's own, so no other worker
    on the machine (a `make run`, a test run) takes them."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="gfmd.settings",
        GFMD_ENV="production",
        GFMD_BENCHMARK="1",
        GFMD_VAR_DIR=str(STATE),
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{PORT}",
        SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="0",  # wrk connects to gunicorn directly
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
        CELERY_TASK_DEFAULT_QUEUE="gfmd-bench",
        EMAIL_HOST="127.0.0.1",
        EMAIL_USE_TLS="false",
    )
    if not env.get("REDIS_URL"):
        env["CELERY_BROKER_URL"] = f"sqla+sqlite:///{STATE / 'celery-broker.sqlite3'}"
        env["CELERY_RESULT_BACKEND"] = f"db+sqlite:///{STATE / 'celery-results.sqlite3'}"
    env.update(extra)
    return env


def database_url(scale: float) -> str:
    """A fresh database for the scale: PostgreSQL when DATABASE_URL names one, otherwise SQLite."""
    base = os.environ.get("DATABASE_URL", "")
    label = f"{scale:g}".replace(".", "_")
    if base.startswith("postgres"):
        import psycopg2

        name = f"gfmd_bench_x{label}"
        server, _ = base.rsplit("/", 1)
        conn = psycopg2.connect(f"{server}/postgres")
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return f"{server}/{name}"
    path = OUT / f"x{label}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def manage(env: dict, *args: str) -> str:
    done = subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if done.returncode:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def last_json_line(output: str) -> str:
    return output.strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_free(port: int) -> bool:
    """Nothing listens on the port (connections in TIME_WAIT from an earlier run do not count)."""
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str, process=None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise BenchError(f"{what}: the process stopped (exit code {process.returncode}).")
        if time.monotonic() > deadline:
            raise BenchError(f"{what}: not ready after {timeout} s.")
        time.sleep(0.2)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Background:
    """A server started in its own process group and stopped with it (gunicorn, the worker, the SMTP sink)."""

    def __init__(self, name: str, cmd: list[str], env: dict, log: Path | None = None):
        self.name = name
        self.log = log
        output = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115  (closed in stop())
        self._output = output
        self.process = subprocess.Popen(
            cmd, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM to the whole group (a worker's children too, even when the leader has gone), then
        SIGKILL to whatever is left after `timeout`."""
        group = self.process.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _group_alive(group) and time.monotonic() < deadline:
            self.process.poll()  # reap the leader, so that its group can be seen empty
            time.sleep(0.1)
        if _group_alive(group):
            os.killpg(group, signal.SIGKILL)
        self.process.wait(timeout=timeout)
        if self._output is not subprocess.DEVNULL:
            self._output.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
