"""Faults the deployment survives: the database away for a moment (a 503 in the portal's layout, then
recovery by itself), a cache server that fails (skipped, never an error), and a broker that restarts
(queued tasks kept)."""

import subprocess
import time

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import reverse

from roundtables.views import public


@pytest.mark.django_db
def test_a_database_away_gets_a_503_in_the_portals_layout_then_the_page_again(monkeypatch):
    client = Client(raise_request_exception=False)
    real = public.release_for

    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(public, "release_for", unreachable)
    response = client.get(reverse("roundtables:home"))
    page = response.content.decode()
    assert (response.status_code, response["Retry-After"]) == (503, "5")
    assert "cannot reach its database" in page and "Traceback" not in page and "brand-mark" in page

    monkeypatch.setattr(public, "release_for", real)
    assert client.get(reverse("roundtables:home")).status_code == 200


@pytest.mark.django_db
def test_any_other_failure_is_the_500_page(monkeypatch):
    client = Client(raise_request_exception=False)
    monkeypatch.setattr(public, "release_for", lambda *a, **k: 1 / 0)
    response = client.get(reverse("roundtables:home"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_cache(port: int):
    location = f"redis://127.0.0.1:{port}/0"
    spec = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "OPTIONS": settings.REDIS_CACHE_OPTIONS}
    with override_settings(CACHES={**settings.CACHES, "redis": spec}):
        return caches.create_connection("redis")


def test_a_cache_server_that_is_down_is_skipped():
    cache = _redis_cache(_free_port())  # nothing listens there
    cache.set("page", "body")
    assert cache.get("page") is None


@pytest.mark.skipif(not __import__("shutil").which("redis-server"), reason="needs redis-server")
def test_a_cache_server_restarting_is_skipped_then_used_again(tmp_path):
    port = _free_port()

    def start():
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                import redis

                redis.Redis(port=port).ping()
                return process
            except Exception:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    server = start()
    cache = _redis_cache(port)
    try:
        cache.set("page", "body")
        assert cache.get("page") == "body"
        server.terminate()
        server.wait(10)
        assert cache.get("page") is None  # down: skipped
        cache.set("page", "other")  # no error either
        server = start()
        cache.set("page", "again")
        assert cache.get("page") == "again"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def eager_off():
    """The tests run tasks in place; this one queues them on a real broker."""
    from gfmd.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


@pytest.mark.skipif(not __import__("shutil").which("redis-server"), reason="needs redis-server")
def test_tasks_queued_before_a_broker_restart_are_still_queued_after_it(tmp_path, eager_off):
    """The deployment's Redis keeps its append-only file (README, "Deploying for real"), so a task the
    portal queued before Redis restarted is delivered after; and the portal's producer reconnects by
    itself, so a request after the restart queues its task too."""
    import redis

    from gfmd.celery import app

    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    queue = "gfmd-faults-test"

    def start():
        process = subprocess.Popen(
            [
                *("redis-server", "--port", str(port), "--save", "", "--dir", str(tmp_path)),
                *("--appendonly", "yes", "--appendfsync", "always"),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                redis.Redis(port=port).ping()
                return process
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def queue_task(connection) -> None:
        app.send_task("gfmd.reports.sweep_stalled", queue=queue, connection=connection, retry=True)

    server = start()
    try:
        with app.connection_for_write(url) as connection:
            queue_task(connection)
            assert redis.Redis(port=port).llen(queue) == 1
            server.terminate()
            server.wait(10)
            server = start()
            assert redis.Redis(port=port).llen(queue) == 1  # the task queued before is still there
            queue_task(connection)  # the same connection, broken by the restart, is made again
        assert redis.Redis(port=port).llen(queue) == 2
    finally:
        server.terminate()
        server.wait(10)
