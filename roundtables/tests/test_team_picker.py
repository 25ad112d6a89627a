"""The team picker ranks names that start with what was typed first, ignores accents, and sends the
Chair's office back to the page it came from."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def states():
    for code, name in [
        ("KM", "Comoros"),
        ("MA", "Morocco"),
        ("DZ", "Algeria"),
        ("DE", "Germany"),
        ("NG", "Nigeria"),
        ("SN", "Senegal"),
        ("MX", "México"),
        ("CI", "Côte d'Ivoire"),
        ("MD", "Republic of Moldova"),
    ]:
        DelegationFactory(country=code, name=name)


def _names(client, session, query):
    url = reverse("roundtables:search_delegations", kwargs={"pk": session.pk})
    return [d.name for d in client.get(url, {"q": query}).context["search"]["results"]]


def test_a_name_starting_with_the_text_comes_before_one_containing_it(chair_client, session_3_1, states):
    assert _names(chair_client, session_3_1, "Moro") == ["Morocco", "Comoros"]
    assert _names(chair_client, session_3_1, "Ge") == ["Germany", "Algeria", "Nigeria"]


def test_a_word_of_the_name_starting_with_the_text_comes_before_a_match_inside_a_word(
    chair_client, session_3_1, states
):
    DelegationFactory(country="SB", name="Smolland")
    assert _names(chair_client, session_3_1, "mol") == ["Republic of Moldova", "Smolland"]


def test_accents_are_ignored_both_ways(chair_client, session_3_1, states):
    assert _names(chair_client, session_3_1, "mexi") == ["México"]
    assert _names(chair_client, session_3_1, "MEXI") == ["México"]
    assert _names(chair_client, session_3_1, "cote d") == ["Côte d'Ivoire"]
    assert _names(chair_client, session_3_1, "côté") == ["Côte d'Ivoire"]


def test_the_two_letter_country_code_still_finds_the_state(chair_client, session_3_1, states):
    assert _names(chair_client, session_3_1, "dz") == ["Algeria"]


def test_people_whose_name_starts_with_the_text_come_first_accents_aside(chair_client, session_3_1):
    UserFactory(first_name="Ana", last_name="Boren", email="ana@example.org", organisation="Ministry")
    UserFactory(first_name="Lucía", last_name="Ramírez", email="lucia@example.org", organisation="Chair")
    UserFactory(first_name="Jorge", last_name="Zorrilla", email="jz@example.org", organisation="Borealis Institute")
    UserFactory(first_name="Élise", last_name="Martin", email="em@example.org", organisation="Ministry")
    url = reverse("roundtables:search_people", kwargs={"pk": session_3_1.pk})

    made_here = {"Boren", "Ramírez", "Zorrilla", "Martin"}

    def names(query):
        # Only the people made here: the fixtures' people have names the factories drew at random (a
        # "Ramirez" among them now and then).
        found = [p.display_name.split()[-1] for p in chair_client.get(url, {"q": query}).context["search"]["results"]]
        return [name for name in found if name in made_here]

    assert names("bor") == ["Boren", "Zorrilla"]
    assert names("ramir") == ["Ramírez"]
    assert names("elise") == ["Martin"]


def _add_kenya(client, session, **extra):
    kenya = DelegationFactory(country="KE", name="Kenya")
    return client.post(
        reverse("roundtables:team_delegation_add", kwargs={"pk": session.pk}),
        {"role": "co_chair", "delegation": kenya.pk, **extra},
    )


def test_after_saving_the_chair_returns_to_the_schedule_it_came_from(chair_client, session_3_1):
    schedule = reverse("roundtables:schedule")
    response = _add_kenya(chair_client, session_3_1, next=schedule)
    assert response["Location"] == schedule
    page = chair_client.get(schedule).content.decode()
    assert "Kenya joined the team of 3.1 as co-chair." in page


def test_an_external_next_is_refused(chair_client, session_3_1):
    response = _add_kenya(chair_client, session_3_1, next="https://evil.example/phish")
    team = reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})
    assert response["Location"] == team + "#delegations"


def test_removing_a_person_returns_to_next_too(chair_client, session_3_1):
    from roundtables.tests.factories import SessionPersonFactory

    item = SessionPersonFactory(session=session_3_1)
    schedule = reverse("roundtables:schedule")
    url = reverse("roundtables:team_person_remove", kwargs={"pk": session_3_1.pk, "item": item.pk})
    assert chair_client.post(url, {"next": schedule})["Location"] == schedule


def test_the_team_page_carries_next_in_its_forms_and_offers_the_way_back(chair_client, session_3_1):
    schedule = reverse("roundtables:schedule")
    url = reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})
    response = chair_client.get(url, {"next": schedule})
    page = response.content.decode()
    assert response.context["back_label"] == "Back to the schedule"
    assert page.count(f'<input type="hidden" name="next" value="{schedule}">') == 2  # the two pickers
    assert f'href="{schedule}"><i class="bi bi-arrow-left" aria-hidden="true"></i> Back to the schedule</a>' in page


def test_the_team_page_ignores_an_external_next(chair_client, session_3_1):
    url = reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})
    response = chair_client.get(url, {"next": "//evil.example/"})
    page = response.content.decode()
    assert (response.context["next"], 'value="//evil.example/"' in page, "bi-arrow-left" in page) == ("", False, False)


def test_the_schedule_links_each_roundtable_session_to_its_team_and_back(chair_client, session_3_1):
    schedule = reverse("roundtables:schedule")
    team = reverse("roundtables:session_team", kwargs={"pk": session_3_1.pk})
    page = chair_client.get(schedule).content.decode()
    assert f'href="{team}?next={schedule}"' in page
