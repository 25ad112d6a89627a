"""The funding pages: who sees them, errors next to the fields, lists that cost the same at any length."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.tests.factories import UserFactory, grant_chair_staff
from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from logistics.models.funding import FundingCall, FundingNomination
from logistics.tests.factories_funding import funding_world, make_call, make_nomination
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(meeting, chair):
    return funding_world(meeting)


def _content(response) -> bytes:
    """A file response's bytes, its temporary file closed (without the request_finished signal)."""
    content = response.getvalue()
    for closer in response._resource_closers:
        closer()
    return content


def detail_url(call):
    return reverse("logistics:funding_call", kwargs={"number": call.meeting.number, "pk": call.pk})


def test_chair_pages_refuse_others_and_hide_other_meetings_calls(client, world, chair):
    call = make_call(world.meeting)
    other_meeting = MeetingFactory()
    foreign = make_call(other_meeting)
    nomination = make_nomination(call, world.kofi)
    urls = [
        reverse("logistics:funding_calls", kwargs={"number": world.meeting.number}),
        reverse("logistics:funding_call_create", kwargs={"number": world.meeting.number}),
        detail_url(call),
        reverse("logistics:funding_call_edit", kwargs={"number": world.meeting.number, "pk": call.pk}),
        reverse("logistics:funding_call_export", kwargs={"number": world.meeting.number, "pk": call.pk}),
        reverse(
            "logistics:funding_decide",
            kwargs={"number": world.meeting.number, "pk": call.pk, "nomination": nomination.pk},
        ),
    ]
    client.force_login(world.fp_ghana)
    for url in urls:
        assert client.get(url).status_code == 403, url
    staff_elsewhere = UserFactory()
    grant_chair_staff(staff_elsewhere, [other_meeting])
    client.force_login(staff_elsewhere)
    assert client.get(detail_url(call)).status_code == 403
    client.force_login(chair)
    # A call of another meeting under this meeting's number: not found.
    wrong = reverse("logistics:funding_call", kwargs={"number": world.meeting.number, "pk": foreign.pk})
    assert client.get(wrong).status_code == 404
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            _content(response)


def test_the_call_form_shows_errors_next_to_fields_and_keeps_what_was_typed(client, world, chair):
    client.force_login(chair)
    url = reverse("logistics:funding_call_create", kwargs={"number": world.meeting.number})
    response = client.post(
        url,
        {
            "title_en": "Participation <b>fund</b>",
            "covers": ["airfare"],
            "eligibility": "delegations",
            "delegation_names": "Ghana\nAtlantis",
            "budget": "-100",
            "currency": "USD",
            "cost_per_place": "2500",
            "max_nominations": "2",
            "deadline": "2031-10-01T12:00",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "Atlantis" in form.errors["delegation_names"][0]
    content = response.content.decode()
    assert "Participation &lt;b&gt;fund&lt;/b&gt;" in content
    assert FundingCall.objects.count() == 0
    response = client.post(
        url,
        {
            "title_en": "Participation fund",
            "covers": ["airfare"],
            "eligibility": "delegations",
            "delegation_names": "Ghana",
            "budget": "-100",
            "currency": "USD",
            "cost_per_place": "2500",
            "max_nominations": "2",
            "deadline": "2031-10-01T12:00",
        },
    )
    assert "An amount cannot be negative." in response.context["form"].errors["budget"][0]
    response = client.post(
        url,
        {
            "title_en": "Participation fund",
            "covers": ["airfare"],
            "eligibility": "delegations",
            "delegation_names": "ghana",
            "budget": "2 500,00",
            "currency": "USD",
            "cost_per_place": "2500",
            "max_nominations": "2",
            "deadline": "2031-10-01T12:00",
        },
    )
    call = FundingCall.objects.get()
    assert response.status_code == 302
    assert call.budget == Decimal("2500.00") and list(call.delegations.all()) == [world.ghana]


def test_the_nomination_form_refuses_the_second_place_next_to_the_cost(client, world):
    call = make_call(world.meeting)  # one place
    client.force_login(world.fp_ghana)
    url = reverse("logistics:funding_nominate", kwargs={"number": world.meeting.number, "pk": call.pk})
    data = {"registration": world.kofi.pk, "estimated_cost": "2500", "justification": "Diaspora desk."}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "registration": world.ama.pk, "justification": "Labour attaché."})
    assert response.status_code == 200
    assert "The budget cannot fund this nomination" in response.context["form"].errors["estimated_cost"][0]
    assert "Labour attaché." in response.content.decode()
    # A registration of another delegation is not offered, and refused when forced in.
    response = client.post(url, {**data, "registration": world.mexican.pk})
    assert "registration" in response.context["form"].errors


def test_focal_point_pages_refuse_others(client, world):
    call = make_call(world.meeting)
    nominate_url = reverse("logistics:funding_nominate", kwargs={"number": world.meeting.number, "pk": call.pk})
    list_url = reverse("logistics:funding_nominations", kwargs={"number": world.meeting.number})
    client.force_login(world.ama.person)
    assert client.get(list_url).status_code == 403
    assert client.get(nominate_url).status_code == 403
    client.force_login(world.fp_mexico)  # Mexico is not eligible
    assert client.get(nominate_url).status_code == 404
    draft = make_call(world.meeting, state=FundingCall.State.DRAFT)
    client.force_login(world.fp_ghana)
    assert (
        client.get(
            reverse("logistics:funding_nominate", kwargs={"number": world.meeting.number, "pk": draft.pk})
        ).status_code
        == 404
    )
    response = client.get(list_url)
    assert response.status_code == 200 and call.title in response.content.decode()


def test_the_decision_form_shows_the_over_budget_refusal_next_to_the_amount(client, world, chair):
    call = make_call(world.meeting, budget=Decimal("1000"), cost_per_place=Decimal("500"))
    first, second = make_nomination(call, world.kofi), make_nomination(call, world.ama)
    client.force_login(chair)

    def decide(nomination, **data):
        url = reverse(
            "logistics:funding_decide",
            kwargs={"number": world.meeting.number, "pk": call.pk, "nomination": nomination.pk},
        )
        return client.post(url, data)

    assert decide(first, decision="fund", amount="800").status_code == 302
    response = decide(second, decision="fund", amount="500")
    assert "200.00 USD remains" in response.context["form"].errors["amount"][0]
    response = decide(second, decision="decline", reason="")
    assert "reason" in response.context["form"].errors
    page = client.get(detail_url(call)).content.decode()
    assert "800.00 USD" in page and "200.00 USD" in page


def test_the_decisions_page_costs_the_same_at_one_and_three_pages(client, world, chair, monkeypatch):
    monkeypatch.setattr("logistics.views.funding.NOMINATIONS_PER_PAGE", 2)
    call = make_call(world.meeting, budget=Decimal("100000"), max_nominations=50)
    client.force_login(chair)

    def add_rows(count):
        for _ in range(count):
            registration = RegistrationFactory(
                meeting=world.meeting, delegation=DelegationFactory(), status=Registration.Status.APPROVED
            )
            make_nomination(call, registration)

    assert_pages_cost_the_same(client, detail_url(call) + "?state=pending", add_rows, per_page=2)
    assert page_link(client.get(detail_url(call) + "?state=pending"))["state"] == ["pending"]


def test_the_call_list_costs_the_same_at_one_and_three_pages(client, world, chair, monkeypatch):
    monkeypatch.setattr("logistics.views.funding.CALLS_PER_PAGE", 2)
    client.force_login(chair)
    url = reverse("logistics:funding_calls", kwargs={"number": world.meeting.number})
    assert_pages_cost_the_same(client, url, lambda n: [make_call(world.meeting) for _ in range(n)], per_page=2)


def test_the_focal_points_page_costs_the_same_with_one_and_three_calls(client, world):
    client.force_login(world.fp_ghana)
    url = reverse("logistics:funding_nominations", kwargs={"number": world.meeting.number})
    call = make_call(world.meeting, budget=Decimal("100000"))
    make_nomination(call, world.kofi)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(2):
        make_nomination(make_call(world.meeting, budget=Decimal("100000")), world.ama)
    with CaptureQueriesContext(connection) as three:
        response = client.get(url)
    assert response.content.decode().count("Nominate a person") == 3
    assert len(three) - len(one) <= 2  # one query per call's own nominations


def test_the_menu_offers_funding_to_focal_points_only(client, world):
    client.force_login(world.fp_ghana)
    home = client.get(reverse("logistics:funding_nominations")).content.decode()
    assert "Funding nominations" in home
    client.force_login(world.ama.person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Funding nominations" not in page


def test_the_xlsx_lists_the_funded_with_totals_and_no_formula(client, world, chair):
    call = make_call(world.meeting, budget=Decimal("5000"))
    world.ama.person.first_name = '=HYPERLINK("http://evil")'
    world.ama.person.save()
    make_nomination(call, world.ama, state=FundingNomination.State.FUNDED, amount=Decimal("2400.50"))
    make_nomination(call, world.kofi, state=FundingNomination.State.FUNDED, amount=Decimal("1000"))
    make_nomination(call, world.yaw)  # pending: not listed
    client.force_login(chair)
    response = client.get(
        reverse("logistics:funding_call_export", kwargs={"number": world.meeting.number, "pk": call.pk})
    )
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(_content(response)))
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert rows[0][:5] == ["Delegation", "Person", "Role", "Covered", "Amount"]
    people = [row[1] for row in rows[1:3]]
    assert any(str(name).startswith("'=HYPERLINK") for name in people), people
    assert "Yaw Asante" not in str(rows)
    totals = {row[0]: row[4] for row in rows if row and row[0]}
    assert Decimal(str(totals["Funded participants"])) == Decimal("3400.50")
    assert Decimal(str(totals["Remaining"])) == Decimal("1599.50")
    for row in workbook.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
