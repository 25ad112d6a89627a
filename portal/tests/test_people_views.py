"""People administration's pages: only the Chair's office sees them (403 for anyone else signed in,
the sign-in page for the anonymous), and a person's page reads in a number of queries that does not
grow with the person's roles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import StaffInvitation
from accounts.tests.factories import SupportFactory, UserFactory
from delegations.tests.factories import DelegationFactory, RegistrationFactory, make_focal_point
from portal.people import services
from roundtables.tests.factories import MeetingFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return UserFactory(first_name="Rosa", last_name="Quintero", organisation="Ministry of Labour")


def _pages(person, colleague, invitation):
    return [
        ("get", reverse("people:search")),
        ("get", reverse("people:person", args=[person.pk])),
        ("get", reverse("people:deactivate", args=[person.pk])),
        ("post", reverse("people:deactivate", args=[person.pk])),
        ("get", reverse("people:reactivate", args=[person.pk])),
        ("get", reverse("people:staff")),
        ("post", reverse("people:staff")),
        ("get", reverse("people:staff_revoke", args=[colleague.pk])),
        ("post", reverse("people:staff_revoke", args=[colleague.pk])),
        ("post", reverse("people:staff_withdraw", args=[invitation.pk])),
    ]


@pytest.fixture(autouse=True)
def _an_open_meeting(meeting):
    """The people pages are the Chair's office's of an open meeting (or support's)."""


def test_wrong_users_are_refused_every_page(client, chair, support, meeting, person):
    colleague = SupportFactory()
    invitation = services.staff_invite(actor=support, email="new@example.org")
    focal_point = UserFactory()
    make_focal_point(focal_point, DelegationFactory())
    delegate = RegistrationFactory(meeting=meeting).person
    for method, url in _pages(person, colleague, invitation):
        client.logout()
        response = getattr(client, method)(url, {"reason": "r", "email": "x@example.org"})
        assert response.status_code == 302 and reverse("account_login") in response["Location"], url
        for wrong in (focal_point, delegate):
            client.force_login(wrong)
            assert getattr(client, method)(url, {"reason": "r", "email": "x@example.org"}).status_code == 403, url
    person.refresh_from_db()
    assert person.is_active
    assert StaffInvitation.objects.usable().get() == invitation


def test_an_unknown_person_is_404(client, chair, support):
    client.force_login(chair)
    assert client.get(reverse("people:person", args=[999999])).status_code == 404
    client.force_login(support)
    assert client.get(reverse("people:staff_revoke", args=[UserFactory().pk])).status_code == 404  # not a member


def test_search_by_name_address_organisation_and_delegation(client, chair, meeting, person):
    RegistrationFactory(meeting=meeting, person=person, delegation=DelegationFactory(name="Ecuador"))
    UserFactory(first_name="Other", last_name="Person")
    client.force_login(chair)
    for query in ("quint", person.email, "labour", "ecuad", "rosa ecuador"):
        page = client.get(reverse("people:search"), {"q": query}).context["page"]
        assert list(page) == [person], query
    assert client.get(reverse("people:search"), {"q": "nobody-like-this"}).context["page"].paginator.count == 0


def test_search_is_paginated(client, chair):
    UserFactory.create_batch(30, organisation="Ministry of Foreign Affairs")
    client.force_login(chair)
    page = client.get(reverse("people:search"), {"q": "foreign"}).context["page"]
    assert (len(page), page.paginator.count, page.paginator.num_pages) == (25, 30, 2)
    second = client.get(reverse("people:search"), {"q": "foreign", "page": 2})
    assert len(second.context["page"]) == 5
    assert 'href="?q=foreign&amp;page=1"' in second.content.decode()


def test_the_person_page_shows_roles_across_meetings(client, chair, meeting, person):
    athens = MeetingFactory(number=3, is_current=False)
    RegistrationFactory(meeting=athens, person=person, delegation=DelegationFactory(name="Greece"))
    RegistrationFactory(meeting=meeting, person=person, delegation=DelegationFactory(name="Ecuador"))
    SessionPersonFactory(person=person, session__roundtable__meeting=meeting, session__code="2.1")
    make_focal_point(person, DelegationFactory(name="Peru"))
    client.force_login(chair)
    page = client.get(reverse("people:person", args=[person.pk])).content.decode()
    for text in ("Greece", "Ecuador", "Rapporteur", "2.1", "Peru", athens.title, meeting.title):
        assert text in page, text


def _add_roles(chair, person, count):
    from roundtables.models import SessionPerson

    for n in range(count):
        meeting = MeetingFactory(is_current=False)
        RegistrationFactory(meeting=meeting, person=person, delegation=DelegationFactory())
        SessionPersonFactory(
            person=person,
            session__roundtable__meeting=meeting,
            role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE,
            delegation=DelegationFactory(),
        )
        make_focal_point(person, DelegationFactory(), meeting)
        services.person_deactivate(actor=chair, person=person, reason=f"reason {n}")
        services.person_reactivate(actor=chair, person=person, reason=f"reason {n}")


def test_the_person_page_query_count_does_not_grow(client, chair, person):
    """1 and 3 of every role (registrations, team roles, focal points, history): the same count."""
    client.force_login(chair)
    url = reverse("people:person", args=[person.pk])
    counts = []
    for added in (1, 2):
        _add_roles(chair, person, added)
        client.get(url)  # warm caches (content types, site) as a real page view would
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        facts = response.context["person_roles"]
        total = 1 if added == 1 else 3
        assert [len(facts.registrations.rows), len(facts.team_roles.rows), len(facts.focal_point_of.rows)] == [
            total
        ] * 3
        assert len(facts.history.rows) == 2 * total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_search_query_count_does_not_grow(client, chair):
    client.force_login(chair)
    counts = []
    for total in (1, 3):
        UserFactory.create_batch(total, organisation=f"Org {total}")
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("people:search"), {"q": f"Org {total}"})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_deactivation_through_the_page_asks_a_reason_and_refuses_oneself(client, chair, person):
    client.force_login(chair)
    url = reverse("people:deactivate", args=[person.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Left the ministry"})
    assert response["Location"] == reverse("people:person", args=[person.pk])
    person.refresh_from_db()
    assert not person.is_active
    mine = client.post(reverse("people:deactivate", args=[chair.pk]), {"reason": "r"})
    assert mine.status_code == 400
    assert "You cannot deactivate your own account" in mine.content.decode()


def test_revoking_the_last_member_through_the_page_is_refused(client, support):
    client.force_login(support)
    response = client.post(reverse("people:staff_revoke", args=[support.pk]), {"reason": "Leaving"})
    assert response.status_code == 400
    assert "last member of portal support" in response.content.decode()


def test_the_support_page_is_refused_to_a_meetings_chair_office(client, chair):
    """/chair/staff/ runs portal support: a Chair's office runs its own meeting's staff instead."""
    client.force_login(chair)
    assert client.get(reverse("people:staff")).status_code == 403


def test_the_join_page_for_a_broken_link_says_so(client):
    client.force_login(UserFactory())
    response = client.get(reverse("people:staff_join", args=["not-a-token"]))
    assert "no longer valid" in response.content.decode()


def test_the_join_link_sends_the_anonymous_to_sign_in_first(client):
    url = reverse("people:staff_join", args=["some-token"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_the_chair_office_menu_links_to_people(client, chair, meeting):
    client.force_login(chair)
    assert f'href="{reverse("people:search")}"' in client.get(reverse("roundtables:home")).content.decode()
