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

    def names(query):
        return [p.display_name for p in chair_client.get(url, {"q": query}).context["search"]["results"]]

    assert [n.split()[-1] for n in names("bor")] == ["Boren", "Zorrilla"]
    assert [n.split()[-1] for n in names("ramir")] == ["Ramírez"]
    assert [n.split()[-1] for n in names("elise")] == ["Martin"]
