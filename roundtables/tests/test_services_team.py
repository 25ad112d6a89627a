import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import DelegationFactory
from roundtables import services
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionPersonFactory


@pytest.mark.django_db
def test_team_delegation_add_logs_on_the_session(chair, session_3_1):
    kenya = DelegationFactory(country="KE", name="Kenya")
    services.team_delegation_add(session=session_3_1, delegation=kenya, role="co_chair", actor=chair)
    assert list(session_3_1.team_delegations.values_list("delegation__name", "role")) == [("Kenya", "co_chair")]
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.object_id, entry.data) == (
        "roundtables.team.delegation_added",
        str(session_3_1.pk),
        {"delegation": "Kenya", "role": "co_chair"},
    )


@pytest.mark.django_db
def test_team_delegation_add_refuses_a_delegation_already_on_the_team(chair, session_3_1):
    member = SessionDelegationFactory(session=session_3_1, role=SessionDelegation.Role.MEMBER)
    with pytest.raises(ValidationError) as refused:
        services.team_delegation_add(session=session_3_1, delegation=member.delegation, role="co_chair", actor=chair)
    assert refused.value.message_dict == {
        "delegation": [f"{member.delegation.name} is already on this team as team member."]
    }


@pytest.mark.django_db
def test_team_delegation_remove_logs(chair, session_3_1):
    team_delegation = SessionDelegationFactory(session=session_3_1)
    services.team_delegation_remove(team_delegation=team_delegation, actor=chair)
    assert session_3_1.team_delegations.count() == 0
    assert ActivityLog.objects.get().action == "roundtables.team.delegation_removed"


@pytest.mark.django_db
def test_team_person_add_allows_two_roles_in_one_session(chair, session_3_1):
    person = UserFactory()
    services.team_person_add(session=session_3_1, person=person, role="moderator", actor=chair)
    services.team_person_add(session=session_3_1, person=person, role="speaker", actor=chair)
    assert sorted(session_3_1.team_people.values_list("role", flat=True)) == ["moderator", "speaker"]


@pytest.mark.django_db
def test_team_person_add_refuses_the_same_role_twice(chair, session_3_1):
    existing = SessionPersonFactory(session=session_3_1, role=SessionPerson.Role.RAPPORTEUR)
    with pytest.raises(ValidationError) as refused:
        services.team_person_add(session=session_3_1, person=existing.person, role="rapporteur", actor=chair)
    assert refused.value.message_dict == {
        "person": [f"{existing.person.display_name} is already rapporteur of this session."]
    }


@pytest.mark.django_db
def test_team_person_remove_logs(chair, session_3_1):
    team_person = SessionPersonFactory(session=session_3_1)
    services.team_person_remove(team_person=team_person, actor=chair)
    entry = ActivityLog.objects.get()
    assert (entry.action, entry.data) == (
        "roundtables.team.person_removed",
        {"person": team_person.person.display_name, "role": "rapporteur"},
    )
