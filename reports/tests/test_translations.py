"""The Chair's office's completeness page of a meeting's translations (reports.translations)."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory, grant_chair_staff
from gfmd.tests.paging import assert_pages_cost_the_same
from papers.tests.factories import PaperFactory
from reports.translations import views
from roundtables.tests.factories import MeetingFactory, RoomFactory, SessionFactory
from surveys.tests.factories import OptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(number=4, is_current=True, title_en="Fourth Meeting")
    meeting.title_fr, meeting.title_es = "Quatrième réunion", "Cuarta reunión"
    meeting.theme_fr, meeting.theme_es = "Thème", "Tema"
    meeting.city_fr, meeting.city_es = "Puerto Vallarta", "Puerto Vallarta"
    meeting.venue_es = "Centro de Convenciones"
    meeting.save()
    return meeting


def url(number: int = 4) -> str:
    return reverse("translations:meeting", kwargs={"number": number})


def test_the_page_names_the_meeting_and_counts_what_lacks_each_language(client, chair, meeting):
    SessionFactory(roundtable__meeting=meeting, code="1.1", title_en="Labour", title_fr="Travail")
    SessionFactory(
        roundtable__meeting=meeting, code="1.2", title_en="Diaspora", title_fr="Diaspora", title_es="Diáspora"
    )
    client.force_login(chair)
    response = client.get(url())
    sections = {s.key: (s.counts.total, s.counts.missing) for s in response.context["sections"]}
    assert sections["roundtables-sessions"] == (2, {"fr": 0, "es": 1})
    assert sections["roundtables-meeting"] == (1, {"fr": 1, "es": 0})
    page = response.content.decode()
    assert '<p class="meeting-name lead mb-0">Fourth Meeting</p>' in page
    assert "1.1 Labour" in page and "1.2 Diaspora" not in page


def test_each_row_links_to_the_page_that_fixes_it(client, chair, meeting):
    room = RoomFactory(meeting=meeting, name="Room A")
    client.force_login(chair)
    page = client.get(url()).content.decode()
    assert f'href="/chair/rooms/{room.pk}/edit/"' in page
    assert 'href="/chair/meetings/4/details/"' in page


def test_the_current_meetings_page_needs_no_number(client, chair, meeting):
    client.force_login(chair)
    assert client.get(reverse("translations:meeting")).context["meeting"] == meeting


def test_a_complete_meeting_says_so(client, chair, meeting):
    meeting.venue_fr = "Centre des congrès"
    meeting.save()
    client.force_login(chair)
    response = client.get(url())
    assert response.context["complete"] is True
    assert "Everything is in English, French and Spanish." in response.content.decode()


def test_papers_and_surveys_have_their_lists(client, chair, meeting):
    PaperFactory(session=SessionFactory(roundtable__meeting=meeting, code="2.1"), title_en="Remittances")
    OptionFactory(question__section__survey__meeting=meeting, label_en="Labour")
    client.force_login(chair)
    sections = {s.key: s.counts.with_gaps for s in client.get(url()).context["sections"]}
    assert {key: sections[key] for key in ("papers-papers", "surveys-options")} == {
        "papers-papers": 1,
        "surveys-options": 1,
    }


def test_portal_support_reads_it(client, support, meeting):
    client.force_login(support)
    response = client.get(url())
    assert (response.status_code, response.context["can_manage"]) == (200, True)


def test_the_troika_reads_it_without_the_links_to_fix(client, meeting):
    athens = MeetingFactory(number=3)
    officer = UserFactory()
    grant_chair_staff(officer, [athens])
    RoomFactory(meeting=meeting, name="Room A")
    client.force_login(officer)
    response = client.get(url())
    assert (response.status_code, response.context["can_manage"]) == (200, False)
    assert "/chair/rooms/" not in response.content.decode()


def test_a_delegate_is_refused(client, meeting):
    client.force_login(UserFactory())
    assert client.get(url()).status_code == 403


def test_another_meetings_chairs_office_is_refused(client, meeting):
    officer = UserFactory()
    grant_chair_staff(officer, [MeetingFactory(number=9)])  # outside meeting 4's troika
    client.force_login(officer)
    assert client.get(url()).status_code == 403


def test_an_anonymous_reader_is_sent_to_sign_in(client, meeting):
    response = client.get(url())
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_meeting_is_not_found(client, chair, meeting):
    client.force_login(chair)
    assert client.get(url(99)).status_code == 404


def test_the_lists_cost_the_same_for_one_and_three_pages(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    codes = iter(range(100))
    client.force_login(chair)
    assert_pages_cost_the_same(
        client,
        url(),
        lambda n: [SessionFactory(roundtable__meeting=meeting, code=f"9.{next(codes)}") for _ in range(n)],
        per_page=2,
    )


def test_a_lists_pages_keep_the_other_lists_places(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 1)
    for code in ("1.1", "1.2"):
        SessionFactory(roundtable__meeting=meeting, code=code)
    for _ in range(2):
        RoomFactory(meeting=meeting)
    client.force_login(chair)
    response = client.get(url(), {"roundtables-rooms": "2"})
    sessions_link = [query for query in _links(response) if query.get("roundtables-sessions") == ["2"]]
    assert sessions_link == [{"roundtables-rooms": ["2"], "roundtables-sessions": ["2"]}]


def _links(response) -> list[dict]:
    return [
        parse_qs(urlsplit(unescape(href)).query) for href in re.findall(r'href="([^"]*)"', response.content.decode())
    ]


def test_the_chairs_office_pages_link_to_it(client, chair, meeting):
    client.force_login(chair)
    page = client.get(reverse("roundtables:chair_dashboard", kwargs={"number": 4})).content.decode()
    assert 'href="/chair/meetings/4/translations/"' in page
