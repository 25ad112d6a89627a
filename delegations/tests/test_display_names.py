"""Country and delegation names follow the reader's language; organisations keep their own."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import UserFactory
from delegations import services
from delegations.selectors import delegations_named
from delegations.services._common import check_places
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory, make_focal_point
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_afterwards():
    # A French user's request activates French in this thread (accounts' middleware): later tests expect English.
    yield
    translation.activate("en")


@pytest.fixture
def morocco(db):
    return DelegationFactory(country="MA", name="Morocco", region="africa")


def test_a_state_is_named_in_the_active_language(morocco):
    names = {}
    for language in ("en", "fr", "es"):
        with translation.override(language):
            names[language] = (morocco.display_name, str(morocco))
    assert names == {"en": ("Morocco", "Morocco"), "fr": ("Maroc", "Maroc"), "es": ("Marruecos", "Marruecos")}


def test_an_organisation_keeps_its_name():
    organisation = OrganisationFactory(name="International Organization for Migration")
    with translation.override("fr"):
        assert organisation.display_name == "International Organization for Migration"


def test_french_chair_office_reads_maroc_on_the_registrations_list(client, chair, open_meeting, morocco):
    RegistrationFactory(meeting=open_meeting, delegation=morocco, person__last_name="Benali")
    chair.preferred_language = "fr"
    chair.save()
    client.force_login(chair)
    content = client.get(reverse("delegations:registrations")).content.decode()
    assert ">Maroc</a>" in content
    assert "Morocco" not in content


def test_french_newcomer_reads_maroc_on_the_registration_page(client, open_meeting, sessions, morocco):
    client.force_login(UserFactory(preferred_language="fr"))
    content = client.get(reverse("delegations:register_delegations"), {"delegation_name": "maro"}).content.decode()
    assert f'<label class="form-check-label" for="id_delegation_{morocco.pk}">' in content
    assert '<span class="fw-semibold">Maroc</span>' in content
    assert "Morocco" not in content


def test_french_participant_mail_names_maroc_and_greets_her_in_french(open_meeting, sessions, morocco):
    focal_point = UserFactory()
    make_focal_point(focal_point, morocco)
    registration = RegistrationFactory(
        meeting=open_meeting,
        delegation=morocco,
        person__email="grace@example.org",
        person__honorific="ms",
        person__first_name="Grace",
        person__last_name="Adeyemi",
        person__preferred_language="fr",
    )
    services.registration_approve(registration=registration, actor=focal_point)
    body = OutgoingMail.objects.get(to="grace@example.org").body_text
    assert body.startswith("Madame Adeyemi,\n")
    assert "Maroc" in body
    assert "Morocco" not in body


def test_registration_choices_are_in_the_readers_alphabetical_order(morocco):
    DelegationFactory(country="HR", name="Croatia", region="europe")
    DelegationFactory(country="SA", name="Saudi Arabia", region="asia")
    with translation.override("fr"):
        # Found by their French names (Croatie, Arabie Saoudite), in French order, not by the stored names'.
        states = [delegation.display_name for delegation in delegations_named("ie").delegations]
    assert states == ["Arabie Saoudite", "Croatie"]


def test_a_refusal_names_the_state_in_the_readers_language(open_meeting, morocco):
    RegistrationFactory(meeting=open_meeting, delegation=morocco, role="head")
    with translation.override("fr"), pytest.raises(ValidationError) as refusal:
        check_places(delegation=morocco, meeting=open_meeting, role="head", exclude=None)
    assert "Maroc" in refusal.value.message_dict["role"][0]
    assert "Morocco" not in refusal.value.message_dict["role"][0]
