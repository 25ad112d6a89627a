"""The Chair's office's delegation pages: refused to others, messages next to the fields, a
concurrent edit shown with what changed, the list's queries not growing with its rows."""

import pytest
from django.urls import reverse

from accounts.tests.factories import ChairOfficeFactory
from delegations.models import Delegation
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _an_open_meeting(open_meeting):
    """A Chair's office is the staff of an open meeting (roundtables.MeetingRole): the default Chair's office
    member of these tests is staff of this one."""


def form_data(delegation, **changes):
    data = {
        "kind": delegation.kind,
        "name": delegation.name,
        "country": delegation.country.code,
        "region": delegation.region,
        "version": delegation.version,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("who", ["focal_point", "delegate", "anonymous"])
def test_administration_pages_are_refused_to_others(client, who, open_meeting, mexico, focal_point_mexico):
    if who == "focal_point":
        client.force_login(focal_point_mexico)
    elif who == "delegate":
        client.force_login(RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved").person)
    pages = [
        ("get", reverse("delegations:admin_create")),
        ("post", reverse("delegations:admin_create")),
        ("get", reverse("delegations:admin_edit", args=[mexico.pk])),
        ("post", reverse("delegations:admin_edit", args=[mexico.pk])),
        ("get", reverse("delegations:admin_retire", args=[mexico.pk])),
        ("post", reverse("delegations:admin_retire", args=[mexico.pk])),
        ("post", reverse("delegations:admin_reactivate", args=[mexico.pk])),
        ("get", reverse("delegations:admin_merge", args=[mexico.pk])),
        ("post", reverse("delegations:admin_merge", args=[mexico.pk])),
    ]
    for method, url in pages:
        response = getattr(client, method)(url, form_data(mexico, name="Hijacked"))
        assert response.status_code in ((302,) if who == "anonymous" else (403,)), (method, url)
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]
    mexico.refresh_from_db()
    assert (mexico.name, mexico.retired_at) == ("Mexico", None)


def test_an_unknown_delegation_is_404_for_the_chair_office(client, chair):
    client.force_login(chair)
    assert client.get(reverse("delegations:admin_edit", args=[9999])).status_code == 404
    assert client.get(reverse("delegations:admin_merge", args=[9999])).status_code == 404


def test_create_shows_the_constraint_next_to_the_country(client, chair, mexico):
    client.force_login(chair)
    response = client.post(
        reverse("delegations:admin_create"), {"kind": "state", "country": "MX", "region": "americas"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["country"] == ["Mexico already has a delegation: Mexico."]
    assert 'id="id_country-errors"' in response.content.decode()
    assert Delegation.objects.count() == 1


def test_create_then_edit(client, chair):
    client.force_login(chair)
    response = client.post(reverse("delegations:admin_create"), {"kind": "state", "country": "CH", "region": "europe"})
    assert response.status_code == 302
    switzerland = Delegation.objects.get(country="CH")
    assert switzerland.name == "Switzerland"
    response = client.post(
        reverse("delegations:admin_edit", args=[switzerland.pk]), form_data(switzerland, region="americas")
    )
    assert response.status_code == 302
    switzerland.refresh_from_db()
    assert switzerland.region == "americas" and switzerland.version == 2


def test_a_concurrent_edit_is_refused_naming_the_field_and_keeping_what_was_typed(client, chair, mexico):
    colleague = ChairOfficeFactory(first_name="Ana", last_name="Silva")
    stale = form_data(mexico, name="United Mexican States")
    client.force_login(colleague)
    client.post(reverse("delegations:admin_edit", args=[mexico.pk]), form_data(mexico, region="europe"))
    client.force_login(chair)

    response = client.post(reverse("delegations:admin_edit", args=[mexico.pk]), stale)

    assert response.status_code == 409
    form = response.context["form"]
    assert form["name"].value() == "United Mexican States"  # what this person typed is kept
    assert form["version"].value() == 2  # saving again is a choice made on the version now saved
    assert form.errors["region"] == ["Ana Silva changed this meanwhile; saved now: “Europe”."]
    assert "Someone else saved this delegation" in form.non_field_errors()[0]
    mexico.refresh_from_db()
    assert (mexico.name, mexico.region) == ("Mexico", "europe")


def test_retire_asks_first_then_retires_and_reactivates(client, chair, mexico):
    client.force_login(chair)
    response = client.get(reverse("delegations:admin_retire", args=[mexico.pk]))
    assert response.status_code == 200 and b"Retire the delegation" in response.content
    client.post(reverse("delegations:admin_retire", args=[mexico.pk]))
    mexico.refresh_from_db()
    assert mexico.is_retired
    listed = client.get(reverse("delegations:index")).context["page"]
    assert mexico not in list(listed)
    assert mexico in list(client.get(reverse("delegations:index"), {"status": "retired"}).context["page"])
    client.post(reverse("delegations:admin_reactivate", args=[mexico.pk]))
    mexico.refresh_from_db()
    assert not mexico.is_retired


def test_a_retired_delegation_is_not_offered_for_registration(client, chair, open_meeting, mexico, ghana, sessions):
    client.force_login(chair)
    client.post(reverse("delegations:admin_retire", args=[ghana.pk]))
    client.force_login(ChairOfficeFactory())  # anyone signed in without a registration
    suggestions = reverse("delegations:register_delegations")
    assert ">Mexico<" in client.get(suggestions, {"delegation_name": "mexi"}).content.decode()
    assert "Ghana" not in client.get(suggestions, {"delegation_name": "ghan"}).content.decode()
    # Named by a forged form, it is refused next to the field.
    response = client.post(reverse("delegations:register"), {"delegation_name": "Ghana", "delegation": ghana.pk})
    assert "This delegation cannot be chosen" in response.content.decode()


def test_merge_confirmation_names_what_moves_then_merges(client, chair, open_meeting):
    source, target = (
        OrganisationFactory(name="IOM"),
        OrganisationFactory(name="International Organization for Migration"),
    )
    RegistrationFactory.create_batch(2, meeting=open_meeting, delegation=source)
    client.force_login(chair)
    response = client.get(reverse("delegations:admin_merge", args=[source.pk]), {"target": target.pk})
    assert response.status_code == 200
    assert ("registrations", 2) in [(str(label), count) for label, count in response.context["moves"]]
    assert response.context["conflicts"] == []
    response = client.post(reverse("delegations:admin_merge", args=[source.pk]), {"target": target.pk})
    assert response.status_code == 302
    assert not Delegation.objects.filter(pk=source.pk).exists()


def test_merge_conflict_is_shown_and_nothing_moves(client, chair, open_meeting):
    source, target = (
        OrganisationFactory(name="IOM"),
        OrganisationFactory(name="International Organization for Migration"),
    )
    RegistrationFactory(meeting=open_meeting, delegation=source, role="head")
    RegistrationFactory(meeting=open_meeting, delegation=target, role="head")
    client.force_login(chair)
    response = client.get(reverse("delegations:admin_merge", args=[source.pk]), {"target": target.pk})
    assert "Both have a head of delegation" in response.context["conflicts"][0]
    assert b"Merge IOM into" not in response.content  # no button while the conflict stands
    response = client.post(reverse("delegations:admin_merge", args=[source.pk]), {"target": target.pk})
    assert response.status_code == 400
    assert "Both have a head of delegation" in response.context["form"].errors["target"][0]
    assert Delegation.objects.filter(pk=source.pk).exists()


@pytest.mark.parametrize("count", [1, 3])
def test_the_administration_list_query_count_does_not_grow(
    client, chair, open_meeting, django_assert_num_queries, count
):
    for code in ["MX", "GH", "PH"][:count]:
        delegation = DelegationFactory(country=code)
        make_focal_point(ChairOfficeFactory(), delegation)
        RegistrationFactory(meeting=open_meeting, delegation=delegation)
    client.force_login(chair)
    # session, user, groups, focal-point delegations, meeting, count, page, the page's focal points
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(9):
        response = client.get(reverse("delegations:index"), {"q": "state", "status": "all"})
    assert len(response.context["page"]) == count


def test_the_delegation_page_links_to_its_edit_form_for_the_chair_office_only(
    client, chair, open_meeting, mexico, focal_point_mexico
):
    edit_url = reverse("delegations:admin_edit", args=[mexico.pk])
    client.force_login(chair)
    assert edit_url in client.get(reverse("delegations:detail", args=[mexico.pk])).content.decode()
    client.force_login(focal_point_mexico)
    assert edit_url not in client.get(reverse("delegations:detail", args=[mexico.pk])).content.decode()


def test_working_languages_are_saved_in_the_forums_order_and_an_unknown_one_is_refused(client, chair, mexico):
    client.force_login(chair)
    url = reverse("delegations:admin_edit", args=[mexico.pk])
    response = client.post(url, form_data(mexico, languages=["fr", "es"]))
    assert response.status_code == 302
    mexico.refresh_from_db()
    assert mexico.languages == ["fr", "es"]
    assert "French, Spanish" in client.get(reverse("delegations:detail", args=[mexico.pk])).content.decode()
    response = client.post(url, form_data(mexico, languages=["es", "xx"]))
    assert response.status_code == 400
    assert "Select a valid choice. xx is not one of the available choices." in response.content.decode()
    mexico.refresh_from_db()
    assert mexico.languages == ["fr", "es"]
