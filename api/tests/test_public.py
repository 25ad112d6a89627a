"""The public API: every endpoint's fields and privacy, filters and 400s, pages, ETags, throttling,
CORS, methods, and the schema."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

from followup.tests.factories_practices import published_practice
from papers.tests.factories import TranslationFactory, published_paper

pytestmark = pytest.mark.django_db

PRIVATE = [
    "DRAFT TITLE NOT PUBLISHED",
    "Unpublished new session",
    "Swiss secret",
    "Draft paper nobody sees",
    "Paper of a meeting in preparation",
    "Unconsented",
    "Pending",
    "Recommendation of an unpublished outcome",
    "Practice under review",
    "Switzerland 2011",
]

ENDPOINTS = [
    "/api/v1/",
    "/api/v1/meetings/",
    "/api/v1/meetings/4/",
    "/api/v1/meetings/4/programme/",
    "/api/v1/meetings/4/sessions/",
    "/api/v1/meetings/4/roundtables/",
    "/api/v1/meetings/4/participants/",
    "/api/v1/papers/",
    "/api/v1/outcomes/",
    "/api/v1/recommendations/",
    "/api/v1/practices/",
]


def get(client, url, **headers):
    return client.get(url, **headers)


def test_nothing_private_is_reachable_from_any_endpoint(client, world):
    for url in ENDPOINTS:
        response = get(client, url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in PRIVATE:
            assert secret not in body, (url, secret)


def test_a_meeting_in_preparation_is_absent_everywhere(client, world):
    for url in [
        "/api/v1/meetings/5/",
        "/api/v1/meetings/5/programme/",
        "/api/v1/meetings/5/sessions/",
        "/api/v1/meetings/5/participants/",
    ]:
        assert get(client, url).status_code == 404, url
    assert get(client, "/api/v1/papers/?meeting=5").json()["results"] == []
    assert get(client, "/api/v1/outcomes/?meeting=5").json()["results"] == []


def test_meetings(client, world):
    data = get(client, "/api/v1/meetings/").json()
    assert [m["number"] for m in data["results"]] == [4]
    meeting = data["results"][0]
    assert meeting["title"] == "Mexico 2010"
    assert meeting["host_country"] == "MX"
    assert meeting["programme_version"] == 1
    assert meeting["url"].endswith("/api/v1/meetings/4/")


def test_programme_comes_from_the_release_in_the_language_asked(client, world):
    data = get(client, "/api/v1/meetings/4/programme/?language=fr").json()
    assert data["version"] == 1
    assert [s["title"] for s in data["sessions"]] == ["Migration circulaire"]
    assert data["roundtables"][0]["title"] == "Mobilité humaine"
    english = get(client, "/api/v1/meetings/4/sessions/").json()
    assert [s["code"] for s in english] == ["1.1"]
    assert english[0]["title"] == "Circular migration"
    assert set(english[0]) >= {"starts_at", "room", "co_chairs", "rapporteurs", "page_url"}
    by_header = get(client, "/api/v1/meetings/4/sessions/", HTTP_ACCEPT_LANGUAGE="fr")
    assert get(client, f"/api/v1/meetings/4/sessions/{world.session.pk}/").json()["code"] == "1.1"
    assert by_header.status_code == 200


def test_papers_with_files_and_download_links(client, world):
    TranslationFactory(paper=world.paper, language="fr")
    data = get(client, "/api/v1/papers/").json()
    (paper,) = data["results"]
    assert paper["title"] == "Circular migration in practice"
    assert paper["meeting"] == 4 and paper["session_code"] == "1.1"
    original, french = paper["files"]
    assert original["original"] is True and original["download_url"].endswith(
        f"/papers/versions/{world.paper.accepted_version_id}/download/"
    )
    assert french["language"] == "fr" and set(french) >= {"size", "sha256", "format", "content_type"}
    assert get(client, f"/api/v1/papers/{world.paper.pk}/").json()["id"] == world.paper.pk
    download = client.get(original["download_url"])  # last: closing the file ends the request
    assert download.status_code == 200
    assert b"".join(download.streaming_content)
    download.close()


def test_draft_paper_detail_is_404(client, world):
    from papers.models import Paper

    draft = Paper.objects.get(title_en="Draft paper nobody sees")
    assert get(client, f"/api/v1/papers/{draft.pk}/").status_code == 404


def test_outcomes_recommendations_practices_participants(client, world):
    outcomes = get(client, "/api/v1/outcomes/?language=es").json()["results"]
    assert [o["session_code"] for o in outcomes] == ["1.1"]
    recommendations = get(client, "/api/v1/recommendations/").json()["results"]
    assert [r["text"] for r in recommendations] == ["Keep profiles current."]
    assert recommendations[0]["status"] == "proposed" and recommendations[0]["themes"][0]["slug"] == "migration-data"
    practices = get(client, "/api/v1/practices/").json()["results"]
    assert [p["title"] for p in practices] == ["Diaspora bonds"]
    assert "contact_email" not in practices[0]
    participants = get(client, "/api/v1/meetings/4/participants/").json()["results"]
    assert participants == [
        {
            "name": participants[0]["name"],
            "head_of_delegation": True,
            "job_title": "Director",
            "delegation": "Ghana",
            "delegation_kind": "state",
            "delegation_kind_label": "State",
        }
    ]
    assert "Ama Mensah" in participants[0]["name"]


def test_filters(client, world):
    assert len(get(client, "/api/v1/recommendations/?theme=migration-data").json()["results"]) == 1
    assert get(client, "/api/v1/recommendations/?status=implemented").json()["results"] == []
    assert len(get(client, "/api/v1/papers/?meeting=4&language=en").json()["results"]) == 1
    assert get(client, "/api/v1/papers/?modified_since=2999-01-01T00:00:00Z").json()["results"] == []
    assert len(get(client, "/api/v1/practices/?modified_since=2000-01-01T00:00:00Z").json()["results"]) == 1


@pytest.mark.parametrize(
    "url, key",
    [
        ("/api/v1/papers/?page=10000", "unknown_parameters"),
        ("/api/v1/papers/?colour=red", "unknown_parameters"),
        ("/api/v1/papers/?meeting=abc", "meeting"),
        ("/api/v1/papers/?modified_since=yesterday", "modified_since"),
        ("/api/v1/recommendations/?theme=nonsense", "theme"),
        ("/api/v1/recommendations/?status=done", "status"),
        ("/api/v1/outcomes/?language=de", "language"),
        ("/api/v1/papers/?page_size=100000", "page_size"),
        ("/api/v1/papers/?page_size=-1", "page_size"),
        ("/api/v1/papers/?cursor=forged", "cursor"),
        ("/api/v1/meetings/4/sessions/?meeting=4", "unknown_parameters"),
        ("/api/v1/papers/?meeting=4&meeting=5", "meeting"),
    ],
)
def test_bad_queries_are_a_clear_400(client, world, url, key):
    response = get(client, url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert key in response.json()
    assert "ETag" not in response


def test_cursor_pages(client, world):
    for n in range(4):
        published_paper(session=world.session, title_en=f"Extra {n}", kind="annex")
    first = get(client, "/api/v1/papers/?page_size=2").json()
    assert len(first["results"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    titles = [p["title"] for page in (first, second, third) for p in page["results"]]
    assert len(titles) == len(set(titles)) == 5


@pytest.mark.parametrize(
    "url, make",
    [
        ("/api/v1/papers/", lambda world: published_paper(session=world.session, kind="annex")),
        ("/api/v1/practices/", lambda world: published_practice()),
    ],
)
def test_a_list_costs_the_same_queries_for_one_row_or_three(client, world, url, make):
    def cost():
        with CaptureQueriesContext(connection) as queries:
            assert get(client, url).status_code == 200
        return len(queries)

    one = cost()
    make(world)
    make(world)
    assert cost() == one


def test_participants_and_recommendations_cost_does_not_grow(client, world):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    def cost(url):
        with CaptureQueriesContext(connection) as queries:
            get(client, url)
        return len(queries)

    before = cost("/api/v1/meetings/4/participants/")
    for _ in range(2):
        RegistrationFactory(meeting=world.mexico, status=Registration.Status.APPROVED, public_list_consent=True)
    assert cost("/api/v1/meetings/4/participants/") == before
    outcomes_before = cost("/api/v1/outcomes/")
    assert outcomes_before <= 6


def test_etag_and_304(client, world):
    first = get(client, "/api/v1/meetings/4/programme/")
    assert first["ETag"] and "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = get(client, "/api/v1/meetings/4/programme/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and len(queries) <= 1
    french = get(client, "/api/v1/meetings/4/programme/?language=fr", HTTP_IF_NONE_MATCH=first["ETag"])
    assert french.status_code == 200

    papers = get(client, "/api/v1/papers/")
    assert get(client, "/api/v1/papers/", HTTP_IF_NONE_MATCH=papers["ETag"]).status_code == 304
    published_paper(session=world.session, title_en="New one", kind="annex")
    assert get(client, "/api/v1/papers/", HTTP_IF_NONE_MATCH=papers["ETag"]).status_code == 200


def test_a_new_release_changes_the_etag(client, world, chair):
    from roundtables.services.programme import programme_publish

    first = get(client, "/api/v1/meetings/4/programme/")
    programme_publish(meeting=world.mexico, actor=chair)
    second = get(client, "/api/v1/meetings/4/programme/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert "DRAFT TITLE NOT PUBLISHED" in second.content.decode()  # now published, version 2
    assert second.json()["version"] == 2


def test_throttled_per_client(client, world, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # The rates are read when the throttle is made: low for this test only.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "api_token": "3/minute"})
    statuses = [get(client, "/api/v1/meetings/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "Retry-After" in client.get("/api/v1/meetings/")
    other = client.get("/api/v1/meetings/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_cors_get_and_preflight(client, world):
    response = get(client, "/api/v1/meetings/", HTTP_ORIGIN="https://research.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/meetings/",
        HTTP_ORIGIN="https://research.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # Not on the portal's pages.
    page = get(client, "/meetings/", HTTP_ORIGIN="https://research.example.org")
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_405(client, world, method):
    for url in ("/api/v1/meetings/", "/api/v1/papers/", "/api/v1/meetings/4/programme/"):
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url)


def test_schema_validates_and_docs_page_loads_assets_from_static(client, world):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate(json.loads(json.dumps(schema, default=str)))
    assert "/api/v1/meetings/{number}/programme/" in schema["paths"]
    assert client.get("/api/v1/schema/").status_code == 200
    docs = client.get("/api/v1/docs/")
    body = docs.content.decode()
    assert docs.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in body
    assert "cdn" not in body.lower()
    assert "<script>" not in body
