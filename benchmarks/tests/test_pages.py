"""The benchmark's pages: each of its URLs answers on generated data, with a query count that does not
grow with the meeting (the runner measures the same on the real server; this catches a wrong URL or an
N+1 query without running the benchmark)."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from benchmarks.middleware import QueryCountMiddleware
from benchmarks.runner.pages import MINIMAL, pages_for
from benchmarks.scale import ScaleCounts, generate
from benchmarks.views import minimal

SMALL = ScaleCounts(
    delegations=10, registrations=60, sessions=3, papers=12, surveys=3, invitations=100, responses=40, outcomes=2
)
LARGER = ScaleCounts(
    delegations=30, registrations=180, sessions=9, papers=36, surveys=3, invitations=300, responses=120, outcomes=6
)


def _visit(client, data) -> dict[str, tuple[int, int]]:
    """(status, SQL queries) of every page of the benchmark but the minimal view (served only with
    GFMD_BENCHMARK=1), each as the benchmark asks for it."""
    users = {"chair": data.chair, "focal_point": data.focal_point}
    seen = {}
    for page in pages_for(data.summary()):
        if page.name == MINIMAL:
            continue
        client.logout()
        if page.as_user:
            client.force_login(users[page.as_user])
        headers = {}
        if page.conditional:
            headers["If-None-Match"] = client.get(page.path)["ETag"]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path, headers=headers)
        seen[page.name.split(" (")[0]] = (response.status_code, len(queries))
    return seen


@pytest.mark.django_db
def test_every_page_of_the_benchmark_answers_at_its_real_url(client):
    data = generate(seed=1, counts=SMALL)

    statuses = {name: status for name, (status, _queries) in _visit(client, data).items()}

    assert statuses == {
        "home page": 200,
        "public programme": 200,
        "public programme, conditional GET": 304,
        "API: the programme": 200,
        "API: the programme, conditional GET": 304,
        "session page": 200,
        "session page, conditional GET": 304,
        "paper library, search «diaspora»": 200,
        "Chair's office: registrations": 200,
        "focal point: delegation page": 200,
        "paper library, page 2 of the meeting's papers": 200,
        "Chair's office: registrations, approved, page 3": 200,
        "participants list": 200,
        "civil-society organisations": 200,
        "Chair's office: activity log": 200,
        "Chair's office: mailings": 200,
        "Chair's office: outbox of the largest mailing": 200,
        "survey invitations, participants' evaluation": 200,
        "archive: the meetings": 200,
        "archive: a meeting's page": 200,
        "survey results, consultation of every delegation": 200,
        "survey results, participants' evaluation": 200,
    }


def _queries_at(client, counts: ScaleCounts) -> dict[str, int]:
    # Each scale starts with an empty page cache: a published page of the other scale's data would
    # otherwise be served from it (same meeting, version and session ids).
    cache.clear()
    with transaction.atomic():
        seen = _visit(client, generate(seed=1, counts=counts))
        transaction.set_rollback(True)
    return {name: queries for name, (_status, queries) in seen.items()}


@pytest.mark.django_db
def test_no_page_of_the_benchmark_makes_more_queries_for_a_larger_meeting(client):
    assert _queries_at(client, LARGER) == _queries_at(client, SMALL)


def test_the_minimal_view_answers_ok():
    response = minimal(RequestFactory().get("/bench/minimal/"))

    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_the_middleware_counts_the_queries_of_a_request():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("done")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))

    assert response["X-Query-Count"] == "2"
