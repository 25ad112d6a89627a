"""Every list of the roundtables pages comes in pages: one page and three cost the same queries, and a page
link keeps the rest of the query string (the other list's page, where a page has two)."""

import datetime as dt
import re
from html import unescape
from itertools import count
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.paging import assert_pages_cost_the_same
from roundtables import services
from roundtables.models import Meeting, MeetingRole, MeetingStaffInvitation, Session
from roundtables.tests.factories import (
    MeetingFactory,
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)
from roundtables.views import activity, archive, chair, publish, staff

pytestmark = pytest.mark.django_db


_HREF = re.compile(r'href="([^"]*)"')


def links_to(response, param: str, number: int = 2) -> list[dict[str, list[str]]]:
    """The queries of the page's links whose `param` is `number`."""
    queries = [parse_qs(urlsplit(unescape(href)).query) for href in set(_HREF.findall(response.content.decode()))]
    return [query for query in queries if query.get(param) == [str(number)]]


# The Chair's dashboard: the meeting's sessions ----------------------------------------------------


def test_dashboard_pages_cost_the_same(chair_client, meeting, roundtable, monkeypatch):
    monkeypatch.setattr(chair, "DASHBOARD_PER_PAGE", 2)

    def add_sessions(n):
        for _ in range(n):
            session = SessionFactory(roundtable=roundtable)
            SessionDelegationFactory(session=session)
            SessionPersonFactory(session=session)

    assert_pages_cost_the_same(chair_client, reverse("roundtables:chair_dashboard"), add_sessions, per_page=2)


def test_dashboard_counts_every_session_not_only_its_page(chair_client, meeting, roundtable, monkeypatch):
    monkeypatch.setattr(chair, "DASHBOARD_PER_PAGE", 2)
    SessionFactory.create_batch(5, roundtable=roundtable)
    SessionFactory(roundtable=None, meeting=meeting, kind=Session.Kind.PLENARY)
    response = chair_client.get(reverse("roundtables:chair_dashboard"), {"page": 3})
    figures = ("session_count", "lacking_co_chairs", "lacking_rapporteur")
    assert len(response.context["page"]) == 2
    assert [response.context[name] for name in figures] == [6, 5, 5]


# The structure page: roundtables, and the sessions outside any --------------------------------------


def test_structure_roundtables_pages_cost_the_same(chair_client, meeting, monkeypatch):
    monkeypatch.setattr(chair, "ROUNDTABLES_PER_PAGE", 2)
    numbers = count(1)

    def add_roundtables(n):
        for _ in range(n):
            session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=next(numbers)))
            SessionDelegationFactory(session=session)

    assert_pages_cost_the_same(chair_client, reverse("roundtables:structure"), add_roundtables, per_page=2)


def test_structure_other_sessions_pages_cost_the_same(chair_client, meeting, monkeypatch):
    monkeypatch.setattr(chair, "OTHER_SESSIONS_PER_PAGE", 2)

    def add_plenaries(n):
        SessionFactory.create_batch(n, roundtable=None, meeting=meeting, kind=Session.Kind.PLENARY)

    assert_pages_cost_the_same(chair_client, reverse("roundtables:structure"), add_plenaries, per_page=2)


def test_structure_pagers_keep_each_other(chair_client, meeting, monkeypatch):
    monkeypatch.setattr(chair, "ROUNDTABLES_PER_PAGE", 2)
    monkeypatch.setattr(chair, "OTHER_SESSIONS_PER_PAGE", 2)
    for number in range(1, 6):
        RoundtableFactory(meeting=meeting, number=number)
    SessionFactory.create_batch(5, roundtable=None, meeting=meeting, kind=Session.Kind.PLENARY)
    response = chair_client.get(reverse("roundtables:structure"), {"page": 3, "others": 1})
    assert [rt.number for rt in response.context["roundtables"]] == [5]
    assert links_to(response, "others") == [{"page": ["3"], "others": ["2"]}]
    assert links_to(response, "page") == [{"others": ["1"], "page": ["2"]}]


def test_structure_moves_keep_the_neighbours_across_pages(chair_client, meeting, monkeypatch):
    """The first roundtable of page 2 moves up, onto page 1, and the page that shows it opens."""
    monkeypatch.setattr(chair, "ROUNDTABLES_PER_PAGE", 2)
    first, second, third = (RoundtableFactory(meeting=meeting, number=n) for n in (1, 2, 3))
    session = SessionFactory(roundtable=second)
    page_2 = chair_client.get(reverse("roundtables:structure"), {"page": 2}).content.decode()
    assert 'name="direction" value="up" disabled' not in page_2  # roundtable 3 may go up, onto page 1
    structure = reverse("roundtables:structure", kwargs={"number": 4})
    response = chair_client.post(reverse("roundtables:roundtable_move", args=[third.pk]), {"direction": "up"})
    assert response.url == f"{structure}#rt-{third.pk}"  # 1, 3 | 2
    response = chair_client.post(reverse("roundtables:roundtable_move", args=[first.pk]), {"direction": "down"})
    assert response.url == f"{structure}#rt-{first.pk}"  # 3, 1 | 2
    response = chair_client.post(reverse("roundtables:session_move", args=[session.pk]), {"direction": "up"})
    assert response.url == f"{structure}?page=2#session-{session.pk}"  # a session of roundtable 2, on page 2
    assert [rt.number for rt in chair_client.get(structure, {"page": 2}).context["roundtables"]] == [2]


# The publish page: the published versions ------------------------------------------------------------


def test_published_versions_pages_cost_the_same(chair_client, chair, meeting, roundtable, monkeypatch):
    monkeypatch.setattr(publish, "RELEASES_PER_PAGE", 2)

    def add_versions(n):
        for _ in range(n):
            SessionFactory(roundtable=roundtable, starts_at=None, ends_at=None)
            services.programme_publish(meeting=meeting, actor=chair)

    assert_pages_cost_the_same(chair_client, reverse("roundtables:publish"), add_versions, per_page=2)
    page_3 = chair_client.get(reverse("roundtables:publish"), {"page": 3})
    assert [programme.release.version for programme in page_3.context["releases"]] == [2, 1]
    assert page_3.context["latest"].version == 6  # the draft is compared with the public version
    assert ">public</span>" not in page_3.content.decode()


# The activity log ---------------------------------------------------------------------------------------


def test_activity_pages_cost_the_same(chair_client, chair, roundtable, monkeypatch):
    monkeypatch.setattr(activity, "PER_PAGE", 2)
    titles = count()

    def add_entries(n):
        for _ in range(n):
            services.roundtable_update(roundtable=roundtable, actor=chair, fields={"title_en": f"T{next(titles)}"})

    assert_pages_cost_the_same(chair_client, reverse("roundtables:activity"), add_entries, per_page=2)


# The staff page: its staff and its civil-society coordinators --------------------------------------------


@pytest.fixture
def vallarta(db):
    return MeetingFactory(number=4, is_current=True)


def _staff(meeting, role=MeetingRole.Role.CHAIR_STAFF):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=role)
    return person


def _people_url() -> str:
    return reverse("roundtables:meeting_people", kwargs={"number": 4})


def test_staff_pages_cost_the_same(client, vallarta, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    client.force_login(_staff(MeetingFactory(number=5)))  # the next meeting's staff reads, the list starts empty
    assert_pages_cost_the_same(client, _people_url(), lambda n: [_staff(vallarta) for _ in range(n)], per_page=2)


def test_coordinators_pages_cost_the_same(client, vallarta, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    client.force_login(_staff(vallarta))  # a staff list of one: a single page

    def add_coordinators(n):
        for _ in range(n):
            _staff(vallarta, MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)

    assert_pages_cost_the_same(client, _people_url(), add_coordinators, per_page=2)


def test_open_invitations_pages_cost_the_same(client, vallarta, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    client.force_login(_staff(vallarta))
    numbers = count()

    def add_invitations(n):
        for _ in range(n):
            number = next(numbers)
            MeetingStaffInvitation.objects.create(
                meeting=vallarta,
                email=f"pending{number}@example.org",
                token_hash=f"{number:064d}",
                expires_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
            )

    assert_pages_cost_the_same(client, _people_url(), add_invitations, per_page=2)
    response = client.get(_people_url(), {"invitations": 2, "page": 1})
    assert [invitation.email for invitation in response.context["invitations"]] == [
        "pending2@example.org",
        "pending3@example.org",
    ]
    assert links_to(response, "invitations", 3) == [{"page": ["1"], "invitations": ["3"]}]


def test_staff_pagers_keep_each_other(client, vallarta, monkeypatch):
    monkeypatch.setattr(staff, "PAGE_SIZE", 2)
    client.force_login(_staff(vallarta))
    for _ in range(4):
        _staff(vallarta)
        _staff(vallarta, MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)
    response = client.get(_people_url(), {"page": 3, "coordinators": 1})
    assert links_to(response, "coordinators") == [{"page": ["3"], "coordinators": ["2"]}]
    assert links_to(response, "page") == [{"coordinators": ["1"], "page": ["2"]}]


# The public archive -----------------------------------------------------------------------------------------


def test_archive_pages_cost_the_same(client, chair, monkeypatch):
    monkeypatch.setattr(archive, "PER_PAGE", 2)
    numbers = count(1)

    def add_meetings(n):
        for _ in range(n):
            number = next(numbers)
            meeting = MeetingFactory(
                number=number,
                status=Meeting.Status.HELD,
                start_date=dt.date(2000 + number, 11, 2),
                end_date=dt.date(2000 + number, 11, 5),
            )
            SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=1), code="1.1")
            services.programme_publish(meeting=meeting, actor=chair)

    assert_pages_cost_the_same(client, reverse("roundtables:meetings"), add_meetings, per_page=2)
