"""The registration form's delegation is typed, then chosen among at most ten matches: suggested as
the person types (an htmx fragment) or, without JavaScript, shown when the form comes back."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory
from delegations.models import DelegationQuota, Registration
from delegations.selectors import DELEGATION_MATCHES
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from gfmd.tests.queries import count_queries

pytestmark = pytest.mark.django_db

REGISTER = reverse("delegations:register")
SUGGESTIONS = reverse("delegations:register_delegations")


@pytest.fixture(autouse=True)
def _english_afterwards():
    # A French user's request activates French in this thread (accounts' middleware): later tests expect English.
    yield
    translation.activate("en")


@pytest.fixture
def person(client, open_meeting):
    user = UserFactory()
    client.force_login(user)
    return user


def sent(sessions=(), **extra) -> dict:
    return {
        "role": "delegate",
        "job_title": "Counsellor",
        "sessions": [s.pk for s in sessions],
        "accessibility_needs": "Step-free access",
        "dietary_needs": "Halal",
        "public_list_consent": "on",
        **extra,
    }


def offered(response) -> list[str]:
    return [delegation.display_name for delegation in response.context["form"].delegation_choices()]


def errors(response) -> dict:
    return response.context["form"].errors


# -- Without JavaScript: the form comes back with the matches -------------------------------------


def test_a_part_of_the_name_brings_the_form_back_with_the_matches_and_keeps_everything(
    client, person, mexico, ghana, sessions
):
    response = client.post(REGISTER, sent([sessions["1.1"]], delegation_name="mex", job_title="Attaché"))
    assert response.status_code == 200
    assert errors(response) == {"delegation": ["Choose your delegation among the matches."]}
    assert offered(response) == ["Mexico"]
    page = response.content.decode()
    assert f'type="radio" name="delegation" value="{mexico.pk}" id="id_delegation_{mexico.pk}"' in page
    assert 'aria-describedby="delegation-help delegation-errors"' in page
    for kept in ('value="mex"', 'value="Attaché"', 'value="Halal"', "Step-free access"):
        assert kept in page
    assert response.context["form"]["sessions"].value() == [str(sessions["1.1"].pk)]
    assert Registration.objects.count() == 0


def test_choosing_a_match_registers_with_it(client, person, mexico, sessions):
    response = client.post(REGISTER, sent(delegation_name="mex", delegation=mexico.pk))
    assert response.status_code == 302
    assert Registration.objects.get(person=person).delegation == mexico


def test_the_exact_name_of_one_delegation_is_taken_as_chosen(client, person, mexico, sessions):
    DelegationFactory(country="NE", name="Niger")
    nigeria = DelegationFactory(country="NG", name="Nigeria")
    response = client.post(REGISTER, sent(delegation_name="  nigeria "))
    assert response.status_code == 302
    assert Registration.objects.get(person=person).delegation == nigeria


def test_the_exact_name_among_longer_ones_is_taken_too(client, person, open_meeting):
    niger = DelegationFactory(country="NE", name="Niger")
    DelegationFactory(country="NG", name="Nigeria")
    client.post(REGISTER, sent(delegation_name="Niger"))
    assert Registration.objects.get(person=person).delegation == niger


def test_a_french_reader_types_the_countrys_french_name(client, open_meeting, mexico, ghana):
    person = UserFactory(preferred_language="fr")
    client.force_login(person)
    response = client.post(REGISTER, sent(delegation_name="mexiq"))
    assert list(errors(response)) == ["delegation"]  # its French wording comes with the catalogue
    assert offered(response) == ["Mexique"]
    assert "Mexico" not in response.content.decode().split('id="step-sessions"')[0].split('id="step-delegation"')[1]
    client.post(REGISTER, sent(delegation_name="Mexique"))
    assert Registration.objects.get(person=person).delegation == mexico


def test_no_match_says_so_next_to_the_field(client, person, mexico):
    response = client.post(REGISTER, sent(delegation_name="Atlantis"))
    assert errors(response) == {
        "delegation": ["No delegation matches “Atlantis”. Type part of its name, or for a state the country's name."]
    }
    assert offered(response) == []
    page = response.content.decode()
    assert 'id="delegation-errors"' in page
    assert page.count("No delegation matches") == 1  # in the field's message only, not repeated below it


def test_nothing_typed_asks_for_the_name(client, person, mexico):
    assert errors(client.post(REGISTER, sent())) == {
        "delegation": ["Type the name of your delegation, then choose it among the matches."]
    }
    assert errors(client.post(REGISTER, sent(delegation_name="m"))) == {
        "delegation": ["Type at least two letters of your delegation's name."]
    }


def test_several_matches_are_offered_ten_at_most(client, person):
    for number in range(12):
        OrganisationFactory(name=f"Migrant network {number:02}")
    response = client.post(REGISTER, sent(delegation_name="migrant network"))
    assert errors(response) == {"delegation": ["Choose your delegation among the matches."]}
    assert offered(response) == [f"Migrant network {number:02}" for number in range(DELEGATION_MATCHES)]
    assert "Only the first ten are shown: type more to narrow the search." in response.content.decode()


def test_a_forged_delegation_is_refused_next_to_the_field_and_keeps_the_rest(client, person, mexico, ghana, chair):
    ghana.retired_at = timezone.now()
    ghana.save()
    for forged in (ghana.pk, 999_999, "x"):
        response = client.post(REGISTER, sent(delegation_name="Ghana", delegation=forged, dietary_needs="Kosher"))
        assert response.status_code == 200
        assert errors(response) == {
            "delegation": ["This delegation cannot be chosen: type its name and choose it among the matches."]
        }
        assert 'value="Kosher"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_the_chosen_delegation_stays_chosen_when_another_field_is_refused(client, person, mexico, ghana, sessions):
    response = client.post(REGISTER, sent([sessions["FF"]], delegation_name="Ghana", delegation=mexico.pk))
    assert errors(response) == {"sessions": ["Session FF is for heads of delegation only."]}
    # What was chosen first, then what the name typed matches.
    assert offered(response) == ["Mexico", "Ghana"]
    assert f'value="{mexico.pk}" id="id_delegation_{mexico.pk}"' in response.content.decode()
    assert 'data-delegation-label="Mexico" data-delegation-option checked>' in response.content.decode()


def test_the_quota_is_still_checked_and_said_next_to_the_field(client, person, open_meeting, mexico, sessions):
    DelegationQuota.objects.create(meeting=open_meeting, delegation=mexico, places=1)
    RegistrationFactory(meeting=open_meeting, delegation=mexico)
    response = client.post(REGISTER, sent(delegation_name="Mexico"))
    assert errors(response) == {
        "delegation": ["Mexico has used the 1 place the Chair's office gave it for this meeting."]
    }
    assert 'id="delegation-errors"' in response.content.decode()


def test_registering_again_starts_from_the_delegation_one_had(client, person, open_meeting, mexico):
    RegistrationFactory(meeting=open_meeting, person=person, delegation=mexico, status=Registration.Status.WITHDRAWN)
    response = client.get(REGISTER)
    assert response.context["form"]["delegation_name"].value() == "Mexico"
    assert offered(response) == ["Mexico"]
    assert 'data-delegation-label="Mexico" data-delegation-option checked>' in response.content.decode()


# -- With JavaScript: the suggestions as the person types (an htmx fragment) ------------------------


def test_suggestions_need_a_signed_in_person(client, mexico):
    response = client.get(SUGGESTIONS, {"delegation_name": "mex"})
    assert response.status_code == 302


def test_suggestions_are_radio_buttons_of_the_matches(client, person, mexico, ghana):
    response = client.get(SUGGESTIONS, {"delegation_name": "gha"})
    page = response.content.decode()
    assert [d.name for d in response.context["choices"]] == ["Ghana"]
    assert f'type="radio" name="delegation" value="{ghana.pk}"' in page
    assert "<legend" in page and "Matching delegations" in page
    assert 'data-count-text="1 matching delegation"' in page


def test_suggestions_keep_the_chosen_delegation_chosen_while_it_matches(client, person, mexico, ghana):
    chosen = client.get(SUGGESTIONS, {"delegation_name": "mexico", "delegation": mexico.pk})
    assert "data-delegation-option checked>" in chosen.content.decode()
    gone = client.get(SUGGESTIONS, {"delegation_name": "ghana", "delegation": mexico.pk})
    assert "checked" not in gone.content.decode()


def test_suggestions_say_when_nothing_matches_and_wait_for_two_letters(client, person, mexico):
    assert (
        "No delegation matches “Atlantis”." in client.get(SUGGESTIONS, {"delegation_name": "Atlantis"}).content.decode()
    )
    assert client.get(SUGGESTIONS, {"delegation_name": "m"}).content.decode().strip() == ""


def test_suggestions_in_french_find_the_french_name(client, open_meeting, mexico):
    client.force_login(UserFactory(preferred_language="fr"))
    response = client.get(SUGGESTIONS, {"delegation_name": "Mexique"})
    assert [d.display_name for d in response.context["choices"]] == ["Mexique"]


def test_suggestions_cost_the_same_queries_for_one_and_three_pages_of_matches(client, person):
    def add(count):
        for _ in range(count):
            OrganisationFactory(name=f"Diaspora council {OrganisationFactory._meta.model.objects.count():03}")

    url = f"{SUGGESTIONS}?delegation_name=diaspora"
    add(DELEGATION_MATCHES)
    one_page = count_queries(client, url)
    assert len(client.get(url).context["choices"]) == DELEGATION_MATCHES
    add(2 * DELEGATION_MATCHES)
    assert count_queries(client, url) == one_page
    response = client.get(url)
    assert len(response.context["choices"]) == DELEGATION_MATCHES
    assert response.context["matches"].more is True
