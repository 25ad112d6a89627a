"""Meetings as editions: the delegations pages name their meeting in the URL and show that meeting's
data, never another's."""

import io

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import (
    DelegationFactory,
    DelegationQuotaFactory,
    OrganisationFactory,
    RegistrationFactory,
    make_focal_point,
)
from gfmd.tests.queries import count_queries
from roundtables.models import Meeting
from roundtables.tests.factories import two_meetings as make_two_meetings


@pytest.fixture
def meetings(db):
    mexico, switzerland = make_two_meetings()
    switzerland.status = Meeting.Status.OPEN  # open for registration, as the Swiss Chair prepares it
    switzerland.save(update_fields=["status"])
    return mexico, switzerland


@pytest.fixture
def mexico_2010(meetings):
    return meetings[0]


@pytest.fixture
def switzerland_2011(meetings):
    return meetings[1]


@pytest.fixture
def two_meetings(mexico_2010, switzerland_2011):
    """One registration in each meeting, of people whose names tell them apart."""
    state = DelegationFactory(country="MX", name="Mexico")
    RegistrationFactory(meeting=mexico_2010, delegation=state, person=UserFactory(last_name="Delegate-of-2010"))
    RegistrationFactory(meeting=switzerland_2011, delegation=state, person=UserFactory(last_name="Delegate-of-2011"))
    return mexico_2010, switzerland_2011


@pytest.mark.parametrize(
    "name",
    ["delegations:registrations", "delegations:civil_society", "delegations:index"],
)
def test_a_numbered_chair_page_shows_that_meeting(client, chair, two_meetings, name):
    client.force_login(chair)
    response = client.get(reverse(name, kwargs={"number": 5}))
    assert response.status_code == 200
    assert response.context["meeting"].number == 5
    assert "Switzerland 2011" in response.content.decode()


def test_the_numbered_registrations_list_holds_that_meetings_registrations_only(client, chair, two_meetings):
    client.force_login(chair)
    page_2011 = client.get(reverse("delegations:registrations", kwargs={"number": 5})).content.decode()
    page_2010 = client.get(reverse("delegations:registrations", kwargs={"number": 4})).content.decode()
    assert "Delegate-of-2011" in page_2011 and "Delegate-of-2010" not in page_2011
    assert "Delegate-of-2010" in page_2010 and "Delegate-of-2011" not in page_2010


def test_the_unnumbered_registrations_list_is_the_current_meetings(client, chair, two_meetings):
    client.force_login(chair)
    page = client.get(reverse("delegations:registrations")).content.decode()
    assert "Delegate-of-2010" in page and "Delegate-of-2011" not in page


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_numbered_export_holds_that_meetings_registrations_only(client, chair, two_meetings, file_format):
    client.force_login(chair)
    response = client.get(reverse("delegations:registrations_export", kwargs={"number": 5, "file_format": file_format}))
    assert response.status_code == 200
    assert "gfmd-registrations-5-" in response["Content-Disposition"]
    content = response.getvalue()  # read to its end, which closes the file (as a WSGI server does)
    if file_format == "csv":
        body = content.decode("utf-8-sig")
    else:
        from openpyxl import load_workbook

        body = " ".join(str(cell.value) for row in load_workbook(io.BytesIO(content)).active for cell in row)
    assert "Delegate-of-2011" in body and "Delegate-of-2010" not in body


def test_an_unknown_export_format_is_404(client, chair, two_meetings):
    client.force_login(chair)
    assert client.get("/delegations/meetings/5/registrations/export.pdf").status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "delegations:registrations",
        "delegations:civil_society",
        "delegations:index",
        "delegations:participants",
        "delegations:my_registration",
        "delegations:register",
    ],
)
def test_an_unknown_meeting_is_404(client, chair, two_meetings, name):
    client.force_login(chair)
    assert client.get(reverse(name, kwargs={"number": 99})).status_code == 404


@pytest.mark.parametrize("name", ["delegations:registrations", "delegations:civil_society", "delegations:index"])
def test_a_participant_is_refused_the_chair_pages_of_another_meeting(client, two_meetings, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name, kwargs={"number": 5})).status_code == 403


def test_the_export_of_another_meeting_is_refused_to_a_participant(client, two_meetings):
    client.force_login(UserFactory())
    url = reverse("delegations:registrations_export", kwargs={"number": 5, "file_format": "csv"})
    assert client.get(url).status_code == 403


def test_a_focal_point_sees_only_their_delegation_in_the_numbered_list(client, two_meetings):
    _mexico_2010, switzerland_2011 = two_meetings
    ghana = DelegationFactory(country="GH", name="Ghana")
    RegistrationFactory(meeting=switzerland_2011, delegation=ghana, person=UserFactory(last_name="Ghanaian-2011"))
    focal_point = UserFactory()
    make_focal_point(focal_point, ghana, switzerland_2011)
    client.force_login(focal_point)
    response = client.get(reverse("delegations:registrations", kwargs={"number": 5}))
    page = response.content.decode()
    assert "Ghanaian-2011" in page and "Delegate-of-2011" not in page


def test_the_delegation_page_of_a_meeting_shows_its_quota_and_registrations(client, chair, two_meetings):
    mexico_2010, switzerland_2011 = two_meetings
    state = DelegationFactory(country="MX")
    DelegationQuotaFactory(meeting=mexico_2010, delegation=state, places=7)
    DelegationQuotaFactory(meeting=switzerland_2011, delegation=state, places=3)
    client.force_login(chair)
    response = client.get(reverse("delegations:detail", kwargs={"pk": state.pk, "number": 5}))
    assert response.status_code == 200
    assert response.context["quota"].places == 3
    assert [r.person.last_name for r in response.context["registrations"]] == ["Delegate-of-2011"]
    assert "Registrations for Switzerland 2011" in response.content.decode()


def test_a_quota_set_on_a_numbered_page_is_for_that_meeting_and_leads_back_to_it(client, chair, two_meetings):
    _mexico_2010, switzerland_2011 = two_meetings
    state = DelegationFactory(country="MX")
    client.force_login(chair)
    response = client.post(reverse("delegations:quota", kwargs={"pk": state.pk, "number": 5}), {"places": 4})
    assert response.status_code == 302
    assert response["Location"] == reverse("delegations:detail", kwargs={"pk": state.pk, "number": 5})
    assert state.quotas.get().meeting == switzerland_2011


def test_the_registration_page_links_back_to_its_meetings_list(client, chair, two_meetings):
    _mexico_2010, switzerland_2011 = two_meetings
    registration = switzerland_2011.registrations.get()
    client.force_login(chair)
    page = client.get(reverse("delegations:registration", kwargs={"pk": registration.pk})).content.decode()
    assert reverse("delegations:registrations", kwargs={"number": 5}) in page
    assert "Registration for Switzerland 2011" in page


def test_my_registration_of_another_meeting(client, two_meetings):
    _mexico_2010, switzerland_2011 = two_meetings
    registration = switzerland_2011.registrations.get()
    client.force_login(registration.person)
    response = client.get(reverse("delegations:my_registration", kwargs={"number": 5}))
    assert response.context["registration"] == registration
    assert client.get(reverse("delegations:my_registration", kwargs={"number": 4})).context["registration"] is None


def test_registering_for_a_numbered_meeting_offers_that_meetings_form(client, two_meetings):
    client.force_login(UserFactory())
    response = client.get(reverse("delegations:register", kwargs={"number": 5}))
    assert response.status_code == 200
    assert response.context["meeting"].number == 5


def test_the_public_participants_of_a_meeting_in_preparation_are_not_public(client, two_meetings):
    assert client.get(reverse("delegations:participants", kwargs={"number": 5})).status_code == 404


@pytest.mark.parametrize("name", ["delegations:registrations", "delegations:civil_society", "delegations:index"])
def test_numbered_lists_query_count_does_not_grow(client, chair, switzerland_2011, name):
    client.force_login(chair)
    url = reverse(name, kwargs={"number": switzerland_2011.number})
    RegistrationFactory(meeting=switzerland_2011, delegation=OrganisationFactory(kind="civil_society"))
    one = count_queries(client, url)
    RegistrationFactory.create_batch(2, meeting=switzerland_2011, delegation=OrganisationFactory(kind="civil_society"))
    RegistrationFactory(meeting=switzerland_2011, delegation=OrganisationFactory(kind="civil_society"))
    assert count_queries(client, url) == one


def test_the_switcher_lists_every_meeting_and_leads_to_the_numbered_page(client, chair, two_meetings):
    client.force_login(chair)
    page = client.get(reverse("delegations:registrations", kwargs={"number": 4})).content.decode()
    assert 'name="number"' in page and "Switzerland 2011" in page
    response = client.get(reverse("roundtables:meeting_switch"), {"page": "delegations:registrations", "number": "5"})
    assert response.status_code == 302
    assert response["Location"] == reverse("delegations:registrations", kwargs={"number": 5})
