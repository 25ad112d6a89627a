import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import DelegationFactory, OrganisationFactory
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory


def team_url(session):
    return reverse("roundtables:session_team", kwargs={"pk": session.pk})


@pytest.mark.django_db
def test_team_page_lists_delegations_and_people_by_role(chair_client, session_3_1):
    SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country="SE", name="Sweden"))
    SessionDelegationFactory(
        session=session_3_1, delegation=DelegationFactory(country="FI", name="Finland"), role="member"
    )
    rapporteur = SessionPersonFactory(session=session_3_1, person__first_name="Daniel", person__last_name="Okafor")
    response = chair_client.get(team_url(session_3_1))
    assert [d.delegation.name for d in response.context["co_chairs"]] == ["Sweden"]
    assert [d.delegation.name for d in response.context["members"]] == ["Finland"]
    people = {role: [p.person for p in items] for role, _label, items in response.context["people_by_role"]}
    assert people["rapporteur"] == [rapporteur.person]
    assert people["moderator"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_team_page_query_count_does_not_grow(chair_client, session_3_1, django_assert_num_queries, count):
    for code in ["SE", "FI", "NL"][:count]:
        SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country=code))
        SessionPersonFactory(session=session_3_1)
    with django_assert_num_queries(7):
        chair_client.get(team_url(session_3_1))


@pytest.mark.django_db
def test_search_delegations_matches_words_and_leaves_out_the_team(chair_client, session_3_1):
    SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country="SE", name="Sweden"))
    switzerland = DelegationFactory(country="CH", name="Switzerland")
    OrganisationFactory(name="International Organization for Migration")
    url = reverse("roundtables:search_delegations", kwargs={"pk": session_3_1.pk})
    response = chair_client.get(url, {"q": "sw"}, headers={"HX-Request": "true"})
    assert response.context["search"]["results"] == [switzerland]
    page = response.content.decode()
    assert f'name="delegation" value="{switzerland.pk}"' in page
    assert "<html" not in page  # a fragment


@pytest.mark.django_db
def test_search_delegations_finds_organisations_by_several_words(chair_client, session_3_1):
    iom = OrganisationFactory(name="International Organization for Migration")
    url = reverse("roundtables:search_delegations", kwargs={"pk": session_3_1.pk})
    assert chair_client.get(url, {"q": "organization migr"}).context["search"]["results"] == [iom]


@pytest.mark.django_db
def test_search_needs_two_letters(chair_client, session_3_1):
    DelegationFactory(country="SE", name="Sweden")
    url = reverse("roundtables:search_delegations", kwargs={"pk": session_3_1.pk})
    response = chair_client.get(url, {"q": "s"})
    assert (response.context["search"]["results"], response.content.decode().strip()) == ([], "")


@pytest.mark.django_db
def test_search_people_by_name_email_or_organisation(chair_client, session_3_1):
    okafor = UserFactory(first_name="Daniel", last_name="Okafor", organisation="Ministry of Foreign Affairs, Ghana")
    UserFactory(first_name="Other", last_name="Person", is_active=False, organisation="Ghana")
    url = reverse("roundtables:search_people", kwargs={"pk": session_3_1.pk})
    assert chair_client.get(url, {"q": "okaf"}).context["search"]["results"] == [okafor]
    assert chair_client.get(url, {"q": "ghana daniel"}).context["search"]["results"] == [okafor]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_search_query_count_does_not_grow(chair_client, session_3_1, django_assert_num_queries, count):
    for code in ["SE", "SN", "SO"][:count]:
        DelegationFactory(country=code, name=f"S country {code}")
    url = reverse("roundtables:search_delegations", kwargs={"pk": session_3_1.pk})
    # session, user, groups, the team's session, the matches, focal points (context processor)
    with django_assert_num_queries(6):
        response = chair_client.get(url, {"q": "s country"})
    assert len(response.context["search"]["results"]) == count


@pytest.mark.django_db
def test_search_shows_ten_and_says_there_are_more(chair_client, session_3_1):
    for number in range(12):
        OrganisationFactory(name=f"Agency {number:02}")
    url = reverse("roundtables:search_delegations", kwargs={"pk": session_3_1.pk})
    search = chair_client.get(url, {"q": "agency"}).context["search"]
    assert (len(search["results"]), search["more"]) == (10, True)


@pytest.mark.django_db
def test_add_co_chair_delegation(chair_client, chair, session_3_1):
    kenya = DelegationFactory(country="KE", name="Kenya")
    response = chair_client.post(
        reverse("roundtables:team_delegation_add", kwargs={"pk": session_3_1.pk}),
        {"role": "co_chair", "delegation": kenya.pk, "q": "ken"},
    )
    assert response["Location"] == team_url(session_3_1) + "#delegations"
    assert list(session_3_1.team_delegations.values_list("delegation__name", "role")) == [("Kenya", "co_chair")]
    assert ActivityLog.objects.get().actor == chair


@pytest.mark.django_db
def test_add_delegation_without_choosing_shows_results_and_a_message(chair_client, session_3_1):
    # Without JavaScript, Enter in the search box sends the form: the page answers with the matches.
    kenya = DelegationFactory(country="KE", name="Kenya")
    response = chair_client.post(
        reverse("roundtables:team_delegation_add", kwargs={"pk": session_3_1.pk}), {"role": "member", "q": "keny"}
    )
    assert response.status_code == 200
    assert response.context["delegation_form"].errors == {
        "delegation": ["Search for a delegation, then choose it from the results."]
    }
    assert response.context["search"]["results"] == [kenya]
    page = response.content.decode()
    assert 'value="keny"' in page
    assert '<option value="member" selected>' in page


@pytest.mark.django_db
def test_add_delegation_already_on_the_team_says_so_next_to_the_picker(chair_client, session_3_1):
    existing = SessionDelegationFactory(session=session_3_1, role=SessionDelegation.Role.CO_CHAIR)
    response = chair_client.post(
        reverse("roundtables:team_delegation_add", kwargs={"pk": session_3_1.pk}),
        {"role": "member", "delegation": existing.delegation.pk},
    )
    assert response.context["delegation_form"].errors == {
        "delegation": [f"{existing.delegation.name} is already on this team as co-chair."]
    }


@pytest.mark.django_db
def test_remove_delegation(chair_client, session_3_1):
    team_delegation = SessionDelegationFactory(session=session_3_1)
    url = reverse("roundtables:team_delegation_remove", kwargs={"pk": session_3_1.pk, "item": team_delegation.pk})
    assert chair_client.post(url).status_code == 302
    assert session_3_1.team_delegations.count() == 0


@pytest.mark.django_db
def test_remove_delegation_of_another_session_answers_404(chair_client, session_3_1):
    elsewhere = SessionDelegationFactory(session=SessionFactory(roundtable=session_3_1.roundtable, code="3.9"))
    url = reverse("roundtables:team_delegation_remove", kwargs={"pk": session_3_1.pk, "item": elsewhere.pk})
    assert chair_client.post(url).status_code == 404
    assert SessionDelegation.objects.count() == 1


@pytest.mark.django_db
def test_add_rapporteur(chair_client, session_3_1):
    okafor = UserFactory(first_name="Daniel", last_name="Okafor")
    response = chair_client.post(
        reverse("roundtables:team_person_add", kwargs={"pk": session_3_1.pk}),
        {"role": "rapporteur", "person": okafor.pk},
    )
    assert response["Location"] == team_url(session_3_1) + "#people"
    assert list(session_3_1.team_people.values_list("person", "role")) == [(okafor.pk, "rapporteur")]


@pytest.mark.django_db
def test_remove_person(chair_client, session_3_1):
    team_person = SessionPersonFactory(session=session_3_1)
    url = reverse("roundtables:team_person_remove", kwargs={"pk": session_3_1.pk, "item": team_person.pk})
    chair_client.post(url)
    assert SessionPerson.objects.count() == 0


@pytest.mark.django_db
def test_team_removal_refuses_a_delegate(client, delegate, session_3_1):
    team_person = SessionPersonFactory(session=session_3_1)
    client.force_login(delegate)
    url = reverse("roundtables:team_person_remove", kwargs={"pk": session_3_1.pk, "item": team_person.pk})
    assert client.post(url).status_code == 403
    assert SessionPerson.objects.count() == 1
