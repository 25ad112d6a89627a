import pytest
from django.urls import reverse

from roundtables import services
from roundtables.models import ProgrammeRelease
from roundtables.tests.conftest import at
from roundtables.tests.factories import SessionFactory


@pytest.mark.django_db
def test_publish_page_before_the_first_version(chair_client, session_3_1):
    response = chair_client.get(reverse("roundtables:publish"))
    assert (response.context["latest"], response.context["unchanged"], response.context["clashes"]) == (None, False, [])
    assert "Publish version 1" in response.content.decode()


@pytest.mark.django_db
def test_publish_page_previews_the_changes(chair_client, chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", title_en="Climate", starts_at=None, ends_at=None)
    response = chair_client.get(reverse("roundtables:publish"))
    assert [note.text for note in response.context["draft"].changes] == ["3.4 «Climate»: added."]
    assert "Publish version 2" in response.content.decode()


@pytest.mark.django_db
def test_publish_page_says_when_nothing_changed(chair_client, chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    response = chair_client.get(reverse("roundtables:publish"))
    assert response.context["unchanged"] is True
    assert "Nothing has changed since version 1." in response.content.decode()


@pytest.mark.django_db
def test_publishing_from_the_page(chair_client, chair, meeting, session_3_1):
    response = chair_client.post(reverse("roundtables:publish"), follow=True)
    assert ProgrammeRelease.objects.get().published_by == chair
    assert "Version 1 of the programme is published" in response.content.decode()


@pytest.mark.django_db
def test_publishing_a_clash_is_refused_with_a_message(chair_client, meeting, session_3_1, room_c):
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", room=room_c, starts_at=at(10, 12), ends_at=at(10, 14))
    response = chair_client.post(reverse("roundtables:publish"), follow=True)
    assert ProgrammeRelease.objects.count() == 0
    assert "The schedule has 1 clash: resolve it before publishing." in response.content.decode()


@pytest.mark.django_db
def test_preview_renders_the_live_programme_on_the_public_layout(chair_client, session_3_1):
    response = chair_client.get(reverse("roundtables:publish_preview"))
    assert [s.code for s in response.context["programme"].sessions] == ["3.1"]
    assert "This is what the public would see if you published now." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["roundtables:publish", "roundtables:publish_preview"])
def test_publish_pages_refuse_anonymous_and_delegates(client, delegate, session_3_1, name):
    assert client.get(reverse(name)).status_code == 403
    client.force_login(delegate)
    assert client.get(reverse(name)).status_code == 403
    assert client.post(reverse("roundtables:publish")).status_code == 403
    assert ProgrammeRelease.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_publish_page_query_count_does_not_grow(
    chair_client, chair, meeting, roundtable, django_assert_num_queries, count
):
    for number in range(count):
        SessionFactory(roundtable=roundtable, code=f"3.{number + 1}", starts_at=None, ends_at=None)
        services.programme_publish(meeting=meeting, actor=chair)
    # session, user, groups, meeting, releases (count, page), 4 for the draft snapshot, sessions and people
    # (clashes), header
    with django_assert_num_queries(13):
        chair_client.get(reverse("roundtables:publish"))


@pytest.mark.django_db
def test_publish_button_leads_to_a_confirmation_naming_what_goes_public(chair_client, chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", title_en="Climate", starts_at=None, ends_at=None)
    page = chair_client.get(reverse("roundtables:publish")).content.decode()
    confirm_url = reverse("roundtables:publish_confirm", kwargs={"number": meeting.number})
    assert f'href="{confirm_url}"' in page
    assert '<form method="post">' not in page  # no one-click publishing from the publish page
    response = chair_client.get(confirm_url)
    text = " ".join(response.content.decode().split())
    assert (
        f"Version 2 of the programme of the {meeting.title}: 2 sessions, 1 roundtable, will be public at "
        f'<a class="text-break" href="http://testserver/meetings/{meeting.number}/programme/">' in text
    )
    assert [note.text for note in response.context["draft"].changes] == ["3.4 «Climate»: added."]
    assert ProgrammeRelease.objects.count() == 1  # looking is not publishing


@pytest.mark.django_db
def test_confirming_publishes_the_version_it_named(chair_client, chair, meeting, session_3_1):
    response = chair_client.post(reverse("roundtables:publish"), {"version": "1"}, follow=True)
    assert list(ProgrammeRelease.objects.values_list("version", flat=True)) == [1]
    assert "Version 1 of the programme is published" in response.content.decode()


@pytest.mark.django_db
def test_confirmation_of_a_version_published_meanwhile_is_refused(chair_client, chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", title_en="Climate", starts_at=None, ends_at=None)
    response = chair_client.post(reverse("roundtables:publish"), {"version": "1"}, follow=True)
    assert list(ProgrammeRelease.objects.values_list("version", flat=True)) == [1]
    assert "Version 1 has been published in the meantime: check what would change now." in response.content.decode()


@pytest.mark.django_db
def test_confirmation_page_refuses_delegates(client, delegate, session_3_1):
    client.force_login(delegate)
    assert client.get(reverse("roundtables:publish_confirm")).status_code == 403


@pytest.mark.django_db
def test_an_earlier_version_stays_readable_with_a_superseded_banner(client, chair, meeting, session_3_1):
    first = services.programme_publish(meeting=meeting, actor=chair)
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", title_en="Climate", starts_at=None, ends_at=None)
    second = services.programme_publish(meeting=meeting, actor=chair)
    ProgrammeRelease.objects.filter(pk=second.pk).update(published_at=at(5, 12))
    old = client.get(reverse("roundtables:programme_version", kwargs={"number": meeting.number, "version": 1}))
    assert [s.code for s in old.context["programme"].sessions] == ["3.1"]
    text = " ".join(old.content.decode().split())
    assert "This is version 1 of the programme; it was superseded by version 2 on 5 November 2010." in text
    assert f'href="/meetings/{meeting.number}/programme/">Read the latest programme (version 2)</a>' in text
    assert first.version == 1
    latest = client.get(reverse("roundtables:programme_version", kwargs={"number": meeting.number, "version": 2}))
    assert (sorted(s.code for s in latest.context["programme"].sessions), latest.context["superseded_by"]) == (
        ["3.1", "3.4"],
        None,
    )
    assert "superseded" not in latest.content.decode()
    missing = reverse("roundtables:programme_version", kwargs={"number": meeting.number, "version": 3})
    assert client.get(missing).status_code == 404
