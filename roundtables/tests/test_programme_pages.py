"""Published pages rendered once (roundtables.programme.pages): kept in the cache, warmed on publication,
the same body for every reader with each reader's own part, never stale, and a failing cache skipped."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from roundtables import services
from roundtables.models import ProgrammeRelease
from roundtables.programme import pages


def session_url(session):
    return reverse("roundtables:session_detail", kwargs={"number": 4, "pk": session.pk})


@pytest.fixture
def release(chair, meeting, session_3_1):
    return services.programme_publish(meeting=meeting, actor=chair)


@pytest.mark.django_db
def test_warming_renders_every_page_in_every_language(release, session_3_1):
    # programme, home (the current meeting), roundtable 3 and session 3.1, in three languages
    assert pages.warm_release(ProgrammeRelease.objects.get(pk=release.pk)) == 12
    assert pages.warm_release(ProgrammeRelease.objects.get(pk=release.pk)) == 0  # already there


@pytest.mark.django_db
def test_a_warmed_page_reads_no_snapshot(client, release, django_assert_num_queries):
    pages.warm_release(release)
    # the latest release with its meeting: nothing else for the programme page (no stamps off sessions)
    with django_assert_num_queries(1):
        page = client.get(reverse("roundtables:programme", kwargs={"number": 4})).content.decode()
    assert "Assessing the relationship between migration and development" in page


@pytest.mark.django_db
def test_each_language_has_its_own_page(client, release, session_3_1):
    session_3_1.title_fr = "Évaluer la relation entre migration et développement"
    session_3_1.save()
    french = services.programme_publish(meeting=release.meeting, actor=release.published_by)
    pages.warm_release(french)
    assert (
        "Évaluer la relation"
        in client.get(session_url(session_3_1), headers={"accept-language": "fr"}).content.decode()
    )
    assert "Assessing the relationship" in client.get(session_url(session_3_1)).content.decode()


@pytest.mark.django_db
def test_a_new_version_is_a_new_page(client, chair, release, meeting, session_3_1):
    client.get(session_url(session_3_1))
    session_3_1.title_en = "A new title"
    session_3_1.save()
    services.programme_publish(meeting=meeting, actor=chair)
    page = client.get(session_url(session_3_1)).content.decode()
    assert ("A new title" in page, "Assessing the relationship" in page) == (True, False)


@pytest.mark.django_db
def test_signed_in_readers_get_the_cached_body_in_their_own_header(client, delegate, release, session_3_1):
    anonymous = client.get(session_url(session_3_1)).content.decode()
    client.force_login(delegate)
    signed_in = client.get(session_url(session_3_1)).content.decode()
    body = anonymous[anonymous.index('<header class="session-header') : anonymous.index("</main>")]
    assert body in signed_in
    assert "Sofía Castillo" in signed_in and "Sofía Castillo" not in anonymous


@pytest.mark.django_db
def test_the_booklet_request_is_the_readers_own(client, delegate, release):
    url = reverse("roundtables:programme", kwargs={"number": 4})
    assert "Booklet (PDF)" not in client.get(url).content.decode()
    client.force_login(delegate)
    assert "Booklet (PDF)" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_failing_cache_is_skipped(client, release, session_3_1, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("the cache server is restarting")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    response = client.get(session_url(session_3_1))
    assert response.status_code == 200
    assert "Assessing the relationship" in response.content.decode()


@pytest.mark.django_db
def test_publishing_warms_the_pages_after_the_commit(chair, meeting, session_3_1, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.programme_publish(meeting=meeting, actor=chair)
    assert len(callbacks) == 1
