"""What a public page of the published programme costs in SQL when the reader already has it (a 304) or
when it comes from the page cache: the latest release with its meeting and the other apps' stamps of the
page (roundtables.programme.cache), in one query, whatever the session shows of papers and outcome."""

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.tests.factories import OutcomeFactory
from papers.tests.factories import TranslationFactory, published_paper
from roundtables import services
from roundtables.tests.factories import SessionFactory

PAGES = ["home", "programme", "roundtable_detail", "session_detail", "programme_ics", "session_ics"]


def url(name: str, session) -> str:
    kwargs = {
        "home": {},
        "programme": {"number": 4},
        "roundtable_detail": {"number": 4, "rt": 3},
        "session_detail": {"number": 4, "pk": session.pk},
        "programme_ics": {"number": 4},
        "session_ics": {"number": 4, "pk": session.pk},
    }[name]
    return reverse(f"roundtables:{name}", kwargs=kwargs)


def published_with(chair, meeting, session, count: int):
    """`count` sessions in the roundtable; the first with `count` published papers, each translated into
    French, and a published outcome."""
    for n in range(2, count + 1):
        SessionFactory(
            roundtable=session.roundtable, code=f"3.{n}", starts_at=session.starts_at, ends_at=session.ends_at
        )
    for kind in ["background", "annex", "case_study"][:count]:
        TranslationFactory(paper=published_paper(session=session, kind=kind), language="fr")
    OutcomeFactory(session=session, state="published", published_at=timezone.now())
    return services.programme_publish(meeting=meeting, actor=chair)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name", PAGES)
def test_a_304_costs_one_query(client, chair, meeting, session_3_1, django_assert_num_queries, name, count):
    published_with(chair, meeting, session_3_1, count)
    etag = client.get(url(name, session_3_1))["ETag"]
    # The latest release with its meeting and the page's stamps (papers, outcome), without its snapshot.
    with django_assert_num_queries(1):
        response = client.get(url(name, session_3_1), headers={"if-none-match": etag})
    assert response.status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name", ["home", "programme", "roundtable_detail", "session_detail"])
def test_a_cached_page_costs_one_query(client, chair, meeting, session_3_1, django_assert_num_queries, name, count):
    published_with(chair, meeting, session_3_1, count)
    first = client.get(url(name, session_3_1))
    # The same query as a 304's: the ETag and the page cache's key read the same stamps.
    with django_assert_num_queries(1):
        again = client.get(url(name, session_3_1))
    assert (again.status_code, again["ETag"]) == (200, first["ETag"])


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    ("name", "queries"),
    [
        # the reader's session and user, the release with its meeting, the header's personal entries (the
        # reader's roles and menu facts, the delegations the reader is focal point of)
        ("home", 5),
        ("programme", 5),
        ("roundtable_detail", 5),
        # the release comes with the page's stamps; then the live session and the reader's part on its team,
        # for the co-chairs' edit button
        ("session_detail", 8),
    ],
)
def test_a_cached_page_for_a_signed_in_reader(
    client, chair, meeting, session_3_1, delegate, django_assert_num_queries, name, queries, count
):
    published_with(chair, meeting, session_3_1, count)
    client.get(url(name, session_3_1))  # rendered and kept by an anonymous visit
    client.force_login(delegate)
    with django_assert_num_queries(queries):
        response = client.get(url(name, session_3_1))
    assert (response.status_code, response.has_header("ETag")) == (200, False)
