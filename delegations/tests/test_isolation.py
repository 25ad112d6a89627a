"""A focal point or delegate of one delegation never sees another delegation's registrations:
not in pages, filters, search or exports."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delegations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = reverse("delegations:registrations")


@pytest.fixture
def mexican(open_meeting, mexico, sessions):
    return RegistrationFactory(
        meeting=open_meeting,
        delegation=mexico,
        person__first_name="Sofía",
        person__last_name="Castillo",
        person__email="sofia@example.org",
        job_title="Counsellor",
        sessions=[sessions["1.1"]],
    )


@pytest.fixture
def ghanaian(open_meeting, ghana, sessions):
    return RegistrationFactory(
        meeting=open_meeting,
        delegation=ghana,
        person__first_name="Daniel",
        person__last_name="Okafor",
        person__email="daniel@example.org",
        sessions=[sessions["2.1"]],
    )


def listed(response) -> list[str]:
    return [r.person.last_name for r in response.context["page"]]


def test_list_shows_only_own_delegation(client, mexican, ghanaian, focal_point_ghana):
    client.force_login(focal_point_ghana)
    response = client.get(LIST)
    assert listed(response) == ["Okafor"]
    assert "Castillo" not in response.content.decode()


@pytest.mark.parametrize("query", [{"q": "Castillo"}, {"q": "sofia@example.org"}, {"q": "Counsellor"}, {"q": "Mexico"}])
def test_search_does_not_reach_another_delegation(client, mexican, ghanaian, focal_point_ghana, query):
    client.force_login(focal_point_ghana)
    response = client.get(LIST, query)
    assert listed(response) == []
    page = response.content.decode()
    results = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "Castillo" not in results
    assert "sofia@example.org" not in results


def test_filters_do_not_reach_another_delegation(client, mexican, ghanaian, focal_point_ghana, mexico, sessions):
    client.force_login(focal_point_ghana)
    # Naming Mexico is an invalid choice (Mexico is not offered), so the filter is ignored.
    response = client.get(LIST, {"delegation": mexico.pk})
    assert response.context["filter"].form.errors == {
        "delegation": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert listed(response) == ["Okafor"]
    assert [d.name for d in response.context["filter"].filters["delegation"].queryset] == ["Ghana"]
    assert listed(client.get(LIST, {"session": sessions["1.1"].pk})) == []
    assert listed(client.get(LIST, {"region": "americas"})) == []
    assert listed(client.get(LIST, {"steering_group": "true"})) == []


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_hold_only_own_delegation(client, mexican, ghanaian, focal_point_ghana, file_format):
    client.force_login(focal_point_ghana)
    url = reverse("delegations:registrations_export", args=[file_format])
    for query in ({}, {"q": "Castillo"}, {"delegation": mexican.delegation_id}):
        response = client.get(url, query)
        if file_format == "csv":
            rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))[1:]
            emails = [row[6] for row in rows]
        else:
            sheet = load_workbook(io.BytesIO(response.getvalue())).active
            emails = [row[6].value for row in sheet.iter_rows(min_row=2)]
        assert emails == ([] if query.get("q") else ["daniel@example.org"])


def test_another_delegation_pages_are_404(client, mexican, mexico, focal_point_ghana):
    client.force_login(focal_point_ghana)
    for url in (
        reverse("delegations:detail", kwargs={"pk": mexico.pk}),
        reverse("delegations:registration", kwargs={"pk": mexican.pk}),
    ):
        assert client.get(url).status_code == 404
    for url in (
        reverse("delegations:bulk_approve", kwargs={"pk": mexico.pk}),
        reverse("delegations:invite", kwargs={"pk": mexico.pk}),
        reverse("delegations:registration_approve", kwargs={"pk": mexican.pk}),
        reverse("delegations:registration_reject", kwargs={"pk": mexican.pk}),
        reverse("delegations:registration_withdraw", kwargs={"pk": mexican.pk}),
    ):
        assert client.post(url, {"reason": "x", "registrations": [mexican.pk]}).status_code == 404
    mexican.refresh_from_db()
    assert mexican.status == "pending"


def test_a_delegate_sees_only_their_own_registration(client, mexican, open_meeting, mexico):
    colleague = RegistrationFactory(meeting=open_meeting, delegation=mexico, person__last_name="Herrera")
    client.force_login(mexican.person)
    assert client.get(reverse("delegations:registration", kwargs={"pk": mexican.pk})).status_code == 200
    assert client.get(reverse("delegations:registration", kwargs={"pk": colleague.pk})).status_code == 404
    assert client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).status_code == 404
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("delegations:registrations_export", args=["csv"])).status_code == 403
    page = client.get(reverse("delegations:my_registration")).content.decode()
    assert "Herrera" not in page


def test_focal_point_page_lists_only_own_delegation(client, mexican, ghanaian, focal_point_mexico, mexico):
    client.force_login(focal_point_mexico)
    response = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk}))
    assert [r.person.last_name for r in response.context["registrations"]] == ["Castillo"]
    assert "Okafor" not in response.content.decode()
