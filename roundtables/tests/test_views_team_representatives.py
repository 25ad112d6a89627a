"""The Chair's office ties each co-chair's representative to one co-chair government of the session."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import DelegationFactory
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_chairs(session_3_1):
    sweden = DelegationFactory(country="SE", name="Sweden")
    argentina = DelegationFactory(country="AR", name="Argentina")
    for delegation in (sweden, argentina):
        SessionDelegationFactory(session=session_3_1, delegation=delegation, role=SessionDelegation.Role.CO_CHAIR)
    return sweden, argentina


def _add(client, session, **data):
    return client.post(reverse("roundtables:team_person_add", kwargs={"pk": session.pk}), data)


def test_chair_names_a_representative_for_one_co_chair_government(chair_client, session_3_1, co_chairs):
    sweden, _argentina = co_chairs
    anna = UserFactory(first_name="Anna", last_name="Lindqvist")
    response = _add(chair_client, session_3_1, role="co_chair_rep", person=anna.pk, delegation=sweden.pk)
    assert response.status_code == 302
    assert list(session_3_1.team_people.values_list("person", "role", "delegation")) == [
        (anna.pk, "co_chair_rep", sweden.pk)
    ]
    assert ActivityLog.objects.get(action="roundtables.team.person_added").data == {
        "person": anna.display_name,
        "role": "co_chair_rep",
        "for": "Sweden",
    }
    page = chair_client.get(reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})).content.decode()
    assert "For Sweden" in page


def test_a_representative_needs_a_government(chair_client, session_3_1, co_chairs):
    anna = UserFactory()
    response = _add(chair_client, session_3_1, role="co_chair_rep", person=anna.pk)
    assert response.status_code == 200
    assert response.context["person_form"].errors == {
        "delegation": ["Choose the co-chair government this person represents."]
    }
    assert SessionPerson.objects.count() == 0


def test_a_representative_of_a_government_not_co_chairing_is_refused(chair_client, session_3_1, co_chairs):
    ghana = DelegationFactory(country="GH", name="Ghana")
    response = _add(chair_client, session_3_1, role="co_chair_rep", person=UserFactory().pk, delegation=ghana.pk)
    assert response.status_code == 200
    assert list(response.context["person_form"].errors) == ["delegation"]
    assert SessionPerson.objects.count() == 0


def test_other_roles_speak_for_no_government(chair_client, session_3_1, co_chairs):
    sweden, _argentina = co_chairs
    okafor = UserFactory()
    _add(chair_client, session_3_1, role="rapporteur", person=okafor.pk, delegation=sweden.pk)
    assert list(session_3_1.team_people.values_list("role", "delegation")) == [("rapporteur", None)]


def test_chair_chooses_the_government_of_a_representative_without_one(chair_client, session_3_1, co_chairs):
    _sweden, argentina = co_chairs
    representative = SessionPersonFactory(session=session_3_1, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
    team_url = reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})
    assert "No government chosen: cannot sign off yet" in chair_client.get(team_url).content.decode()
    url = reverse(
        "roundtables:team_representative_government", kwargs={"pk": session_3_1.pk, "item": representative.pk}
    )
    response = chair_client.post(url, {"delegation": argentina.pk})
    assert response["Location"] == team_url + "#people"
    representative.refresh_from_db()
    assert representative.delegation == argentina
    assert ActivityLog.objects.get(action="roundtables.team.representative_government_set").data == {
        "person": representative.person.display_name,
        "for": "Argentina",
        "previous": "",
    }


def test_choosing_a_government_that_does_not_co_chair_changes_nothing(chair_client, session_3_1, co_chairs):
    representative = SessionPersonFactory(session=session_3_1, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
    url = reverse(
        "roundtables:team_representative_government", kwargs={"pk": session_3_1.pk, "item": representative.pk}
    )
    chair_client.post(url, {"delegation": DelegationFactory(country="GH").pk})
    representative.refresh_from_db()
    assert representative.delegation is None


def test_choosing_a_government_is_refused_to_anyone_but_the_chair(client, delegate, session_3_1, co_chairs):
    sweden, _argentina = co_chairs
    representative = SessionPersonFactory(
        session=session_3_1, person=delegate, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE
    )
    client.force_login(delegate)
    url = reverse(
        "roundtables:team_representative_government", kwargs={"pk": session_3_1.pk, "item": representative.pk}
    )
    assert client.post(url, {"delegation": sweden.pk}).status_code == 403
    response = _add(client, session_3_1, role="co_chair_rep", person=delegate.pk, delegation=sweden.pk)
    assert response.status_code == 403
    representative.refresh_from_db()
    assert representative.delegation is None


def test_only_a_representative_has_a_government_to_choose(chair_client, session_3_1, co_chairs):
    sweden, _argentina = co_chairs
    rapporteur = SessionPersonFactory(session=session_3_1, role=SessionPerson.Role.RAPPORTEUR)
    url = reverse("roundtables:team_representative_government", kwargs={"pk": session_3_1.pk, "item": rapporteur.pk})
    assert chair_client.post(url, {"delegation": sweden.pk}).status_code == 404
