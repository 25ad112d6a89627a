"""Four people ask for the same document at the same moment: one job, all follow it."""

import threading
import time

import pytest
from django.db import connection

from accounts.permissions import is_chair_office
from accounts.tests.factories import ChairOfficeFactory
from reports import registry
from reports.models import GeneratedFile
from reports.registry import Part, Renderer
from reports.services import request_report
from reports.tests.conftest import SIMPLE_HTML


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_start_one_job(monkeypatch):
    release = threading.Event()
    builds = []

    def build(params):
        builds.append(params)
        release.wait(timeout=30)  # the job stays running while the others ask
        yield Part(SIMPLE_HTML.format(title="Proceedings", body=""))

    monkeypatch.setitem(
        registry._RENDERERS,
        "test-slow",
        Renderer(
            kind="test-slow",
            label="Slow",
            can_access=lambda user, params: is_chair_office(user),
            build=build,
            filename=lambda params: "gfmd-slow.pdf",
        ),
    )
    people = [ChairOfficeFactory() for _ in range(4)]
    barrier = threading.Barrier(len(people))
    results, errors = [], []

    def ask(person):
        try:
            barrier.wait(timeout=10)
            # The first to commit runs the job (tasks are eager in tests) until `release` is set.
            results.append(request_report(kind="test-slow", params={}, user=person).pk)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(results) + len(errors) < len(people) - 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()
    for thread in threads:
        thread.join(timeout=30)

    generated = GeneratedFile.objects.get()
    assert errors == []
    assert sorted(results) == [generated.pk] * len(people)
    assert (len(builds), generated.state) == (1, GeneratedFile.State.DONE)
