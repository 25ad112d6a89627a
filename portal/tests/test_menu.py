"""The menu shows an entry only when the person has something behind it; the facts it reads
(registered in accounts.menu, read by accounts.selectors) agree with the selectors of the pages the entries open."""

import pytest
from django.urls import reverse

from accounts.selectors import user_roles
from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, make_focal_point
from outcomes.selectors import sessions_for_outcomes
from papers.selectors import sessions_of_person
from papers.tests.factories import PaperFactory
from roundtables.models import Session, SessionDelegation, SessionPerson
from roundtables.selectors import sessions_co_chaired_by
from roundtables.tests.factories import (
    MeetingFactory,
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)

MY_OUTCOMES = ">My outcomes</a>"
MY_PAPERS = ">My papers</a>"
CO_CHAIR = ">Sessions I co-chair</a>"


def _person(kind: str, meeting):
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="1.1")
    if kind == "newcomer":
        return UserFactory()
    if kind == "plenary_rapporteur":
        plenary = SessionFactory(meeting=meeting, roundtable=None, code="CP", kind=Session.Kind.PLENARY)
        return SessionPersonFactory(session=plenary, role=SessionPerson.Role.RAPPORTEUR).person
    if kind == "author_not_on_team":
        user = UserFactory()
        PaperFactory(session=session).authors.add(user)
        return user
    if kind == "co_chair_focal_point":
        user = UserFactory()
        delegation = DelegationFactory()
        make_focal_point(user, delegation)
        SessionDelegationFactory(session=session, delegation=delegation, role=SessionDelegation.Role.CO_CHAIR)
        return user
    if kind == "member_focal_point":
        user = UserFactory()
        delegation = DelegationFactory()
        make_focal_point(user, delegation)
        SessionDelegationFactory(session=session, delegation=delegation, role=SessionDelegation.Role.MEMBER)
        return user
    if kind == "last_years_rapporteur":
        old = SessionFactory(roundtable=RoundtableFactory(meeting=MeetingFactory()), code="1.1")
        return SessionPersonFactory(session=old, role=SessionPerson.Role.RAPPORTEUR).person
    return SessionPersonFactory(session=session, role=kind).person


KINDS = [
    "newcomer",
    "rapporteur",
    "co_chair_rep",
    "author",
    "moderator",
    "plenary_rapporteur",
    "author_not_on_team",
    "co_chair_focal_point",
    "member_focal_point",
    "last_years_rapporteur",
]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_menu_facts_agree_with_the_pages_selectors(meeting, kind):
    user = _person(kind, meeting)
    roles = user_roles(user)
    assert (roles.menu["co_chairs"], roles.menu["works_on_papers"], roles.menu["works_on_outcomes"]) == (
        sessions_co_chaired_by(user, meeting=meeting).exists(),
        sessions_of_person(user, meeting=meeting).exists(),
        sessions_for_outcomes(user, meeting=meeting).exists(),
    )


@pytest.mark.django_db
def test_newcomer_menu_has_no_entries_with_nothing_behind(client, meeting):
    client.force_login(UserFactory())
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert (MY_OUTCOMES in page, MY_PAPERS in page, CO_CHAIR in page) == (False, False, False)


@pytest.mark.django_db
def test_rapporteur_menu_shows_my_outcomes_and_my_papers(client, meeting):
    client.force_login(_person("rapporteur", meeting))
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert (MY_OUTCOMES in page, MY_PAPERS in page, CO_CHAIR in page) == (True, True, False)


@pytest.mark.django_db
def test_co_chair_representative_menu_shows_sessions_i_co_chair(client, meeting):
    client.force_login(_person("co_chair_rep", meeting))
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert (MY_OUTCOMES in page, MY_PAPERS in page, CO_CHAIR in page) == (True, True, True)


@pytest.mark.django_db
def test_chair_office_menu_shows_all_outcomes(client, chair, meeting):
    client.force_login(chair)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert (">Outcomes</a>" in page, MY_OUTCOMES in page) == (True, False)
