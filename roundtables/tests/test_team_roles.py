"""One meaning of a session's team (roundtables.selectors.team_roles and its list forms), read by
papers, outcomes and their mails."""

import dataclasses

import pytest

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, make_focal_point
from roundtables import selectors
from roundtables.models import Session
from roundtables.selectors import (
    AUTHOR,
    CO_CHAIR,
    MEMBER,
    MODERATOR,
    RAPPORTEUR,
    REPRESENTATIVE,
    SPEAKER,
    TEAM_ROLES,
    TeamRoles,
    on_team,
    team_people,
    team_roles,
    team_roles_by_session,
)
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory


@pytest.fixture
def team(session_3_1):
    """Mexico and Spain co-chair 3.1, Finland is a member; one person in each role."""
    session = session_3_1
    mexico, spain, finland = (
        DelegationFactory(country=c, name=n) for c, n in [("MX", "Mexico"), ("ES", "Spain"), ("FI", "Finland")]
    )
    for delegation, role in [(mexico, CO_CHAIR), (spain, CO_CHAIR), (finland, MEMBER)]:
        SessionDelegationFactory(session=session, delegation=delegation, role=role)
    people = {
        name: UserFactory(first_name=name)
        for name in [
            "mexico_focal_point",
            "finland_focal_point",
            "spain_representative",
            "representative_without_government",
            "rapporteur",
            "moderator",
            "author",
            "speaker",
            "outsider",
        ]
    }
    make_focal_point(people["mexico_focal_point"], mexico)
    make_focal_point(people["finland_focal_point"], finland)
    SessionPersonFactory(session=session, person=people["spain_representative"], role=REPRESENTATIVE, delegation=spain)
    SessionPersonFactory(session=session, person=people["representative_without_government"], role=REPRESENTATIVE)
    for role in (RAPPORTEUR, MODERATOR, AUTHOR, SPEAKER):
        SessionPersonFactory(session=session, person=people[role], role=role)
    return dataclasses.make_dataclass("Team", ["session", "mexico", "spain", "finland", "people"])(
        session, mexico, spain, finland, people
    )


def _summary(roles: TeamRoles) -> tuple:
    return (sorted(r for r in TEAM_ROLES if roles.has(r)), sorted(roles.co_chair_delegations), roles.any)


@pytest.mark.django_db
def test_team_roles_read_every_role_from_the_team(team):
    found = {name: _summary(team_roles(person, team.session)) for name, person in team.people.items()}
    assert found == {
        "mexico_focal_point": ([CO_CHAIR], [team.mexico.pk], True),
        "finland_focal_point": ([MEMBER], [], True),
        "spain_representative": ([CO_CHAIR, REPRESENTATIVE], [team.spain.pk], True),
        # Named before the Chair's office said for which government: co-chairs, signs for none yet.
        "representative_without_government": ([CO_CHAIR, REPRESENTATIVE], [], True),
        "rapporteur": ([RAPPORTEUR], [], True),
        "moderator": ([MODERATOR], [], True),
        "author": ([AUTHOR], [], True),
        "speaker": ([SPEAKER], [], True),
        "outsider": ([], [], False),
    }


@pytest.mark.django_db
def test_a_registered_delegate_of_a_co_chair_government_is_not_on_the_team(team):
    from delegations.tests.factories import RegistrationFactory

    delegate = RegistrationFactory(meeting=team.session.meeting, delegation=team.mexico, status="approved").person
    assert team_roles(delegate, team.session) == TeamRoles()


@pytest.mark.django_db
def test_a_representative_whose_government_left_the_co_chairs_signs_for_none(team):
    """Still named on the team as co-chair's representative (the Chair's office sees and removes them
    there), but the government they were named for is no longer one they act for."""
    representative = team.people["spain_representative"]
    team.session.team_delegations.filter(delegation=team.spain).delete()
    roles = team_roles(representative, team.session)
    assert (roles.is_co_chair, roles.is_representative, roles.co_chair_delegations) == (True, True, frozenset())


@pytest.mark.django_db
def test_a_person_of_another_session_has_no_role_here(team, session_3_1):
    other = SessionFactory(roundtable=session_3_1.roundtable, code="3.2")
    assert [team_roles(person, other) for person in team.people.values()] == [TeamRoles()] * len(team.people)


@pytest.mark.django_db
def test_team_roles_of_nobody(team, client):
    from django.contrib.auth.models import AnonymousUser

    assert (team_roles(AnonymousUser(), team.session), team_roles(team.people["rapporteur"], None)) == (
        TeamRoles(),
        TeamRoles(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("entries", [1, 3])
def test_team_roles_query_count_does_not_grow_with_the_persons_entries(session_3_1, django_assert_num_queries, entries):
    person = UserFactory()
    for n, role in enumerate([RAPPORTEUR, SPEAKER, MODERATOR][:entries]):
        SessionPersonFactory(session=session_3_1, person=person, role=role)
        delegation = DelegationFactory(country=["MX", "ES", "FI"][n], name=f"Delegation {n}")
        if n == 0:  # one focal-point role per person and meeting
            make_focal_point(person, delegation, session_3_1.meeting)
        SessionDelegationFactory(session=session_3_1, delegation=delegation, role=CO_CHAIR if n % 2 else MEMBER)
    with django_assert_num_queries(2):
        roles = team_roles(person, session_3_1)
        team_roles(person, session_3_1)  # remembered for the rest of the request
    assert len(roles.named_as) == entries


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_team_roles_by_session_reads_a_list_in_two_queries(session_3_1, django_assert_num_queries, count):
    person = UserFactory()
    sessions = [session_3_1] + [SessionFactory(roundtable=session_3_1.roundtable) for _n in range(count - 1)]
    for session in sessions:
        SessionPersonFactory(session=session, person=person, role=RAPPORTEUR)
    with django_assert_num_queries(2):
        by_session = team_roles_by_session(person, sessions)
        [team_roles(person, session) for session in sessions]
    assert [by_session[s.pk].is_rapporteur for s in sessions] == [True] * count


@pytest.mark.django_db
def test_the_lists_agree_with_team_roles(team):
    """on_team (sessions a person is on) and team_people (people on a session) answer as team_roles."""
    for role in sorted(TEAM_ROLES):
        holders = {p.pk for p in team.people.values() if team_roles(p, team.session).has(role)}
        assert set(team_people(team.session, roles=[role]).values_list("pk", flat=True)) == holders, role
        assert {
            p.pk for p in team.people.values() if Session.objects.filter(on_team(p, roles=[role]), pk=team.session.pk)
        } == holders, role
    anyone = {p.pk for p in team.people.values() if team_roles(p, team.session).any}
    assert {p.pk for p in team.people.values() if Session.objects.filter(on_team(p), pk=team.session.pk)} == anyone


@pytest.mark.django_db
def test_team_people_are_active_accounts_only(team):
    """Papers' mails left out a closed account, outcomes' mails did not: now no mail of either does."""
    representative = team.people["spain_representative"]
    representative.is_active = False
    representative.save(update_fields=["is_active"])
    assert sorted(u.first_name for u in team_people(team.session, roles=[CO_CHAIR])) == [
        "mexico_focal_point",
        "representative_without_government",
    ]


def test_team_people_refuses_an_unknown_role():
    with pytest.raises(ValueError):
        team_people(None, roles=["head"])


@pytest.mark.django_db
def test_co_chair_spokespeople_pairs_people_and_the_governments_they_act_for(team):
    people = [team.people[name].pk for name in ["mexico_focal_point", "spain_representative", "finland_focal_point"]]
    assert selectors.co_chair_spokespeople(team.session, people=people) == {
        (team.people["mexico_focal_point"].pk, team.mexico.pk),
        (team.people["spain_representative"].pk, team.spain.pk),
    }
