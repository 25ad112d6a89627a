"""The public repository: full-text search in the three languages (through the public functions, on
whichever database runs the tests), the filters, the pages and what they cost."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from delegations.models import Delegation
from followup.models import Practice, PracticePartner
from followup.selectors.practices_search import search_practices
from followup.tests.factories import PracticeFactory, theme
from followup.tests.factories_practices import published_practice, state
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from gfmd.tests.queries import count_queries

pytestmark = pytest.mark.django_db
pytest_plugins = ["followup.tests.fixtures_practices"]

LIST = reverse("followup:practice_list")


def _titles(response) -> list[str]:
    return [practice.title_en for practice in response.context["practices"]]


def test_search_finds_words_in_title_summary_and_results_in_any_language():
    by_title = published_practice(title_en="Diaspora bonds for infrastructure", summary_en="Bonds.")
    by_summary = published_practice(title_en="Home town associations", summary_en="Matching diaspora investments.")
    by_results = published_practice(title_en="Skills", summary_en="Training.", results_en="Diaspora experts returned.")
    in_spanish = published_practice(
        title_en="Migrant clubs",
        summary_en="Clubs.",
        title_es="Clubes de migrantes",
        summary_es="La diáspora invierte.",
    )
    published_practice(title_en="Remittance price comparison", summary_en="Prices fell.")

    found = search_practices(Practice.objects.published(), "diaspora")

    assert set(found) == {by_title, by_summary, by_results, in_spanish}
    assert found.first() == by_title  # a title match ranks first


def test_search_stems_and_ignores_case():
    practice = published_practice(title_en="Remittances to rural families", summary_en="Cheaper transfers.")

    assert list(search_practices(Practice.objects.published(), "remittance")) == [practice]
    assert list(search_practices(Practice.objects.published(), "REMITTANCES rural")) == [practice]


def test_the_index_follows_every_write():
    practice = published_practice(title_en="Circular labour migration", summary_en="Seasonal work.")
    practice.title_en = "Temporary work schemes"
    practice.save()

    assert list(search_practices(Practice.objects.published(), "circular")) == []
    assert list(search_practices(Practice.objects.published(), "temporary")) == [practice]
    practice.delete()
    assert list(search_practices(Practice.objects.all(), "temporary")) == []


@settings(max_examples=40, deadline=None)
@given(query=st.text(max_size=60))
def test_any_input_is_words_never_syntax(query):
    # Quotes, parentheses, NEAR, stars, control characters: never a database error.
    list(search_practices(Practice.objects.all(), query))


def test_unpublished_practices_are_never_found_in_the_list(client):
    PracticeFactory(title_en="Diaspora draft", state=Practice.State.SUBMITTED)

    response = client.get(LIST, {"q": "diaspora"})

    assert _titles(response) == []


def test_search_and_region_filter_together(client):
    ghana, mexico, philippines = (
        state("GH", Delegation.Region.AFRICA),
        state("MX", Delegation.Region.AMERICAS),
        state("PH", Delegation.Region.ASIA),
    )
    african = published_practice(title_en="Diaspora investment in Ghana")
    african.countries.set([ghana, mexico])
    asian = published_practice(title_en="Diaspora savings in the Philippines")
    asian.countries.set([philippines])

    response = client.get(LIST, {"q": "diaspora", "region": "africa"})

    assert _titles(response) == ["Diaspora investment in Ghana"]
    assert response.context["page"].paginator.count == 1


def test_filters_by_theme_country_partner_kind_and_submitter_kind(client):
    ghana = state("GH", Delegation.Region.AFRICA)
    one = published_practice(title_en="One", submitter_kind=Practice.SubmitterKind.GOVERNMENT)
    one.themes.set([theme("remittances")])
    one.countries.set([ghana])
    PracticePartner.objects.create(practice=one, name="Bank", kind="private_sector")
    two = published_practice(title_en="Two", submitter_kind=Practice.SubmitterKind.CIVIL_SOCIETY)
    two.themes.set([theme("diasporas")])
    PracticePartner.objects.create(practice=two, name="IOM", kind="international_organisation")
    PracticePartner.objects.create(practice=two, name="UNDP", kind="international_organisation")

    assert _titles(client.get(LIST, {"theme": theme("remittances").pk})) == ["One"]
    assert _titles(client.get(LIST, {"country": ghana.pk})) == ["One"]
    assert _titles(client.get(LIST, {"partner_kind": "international_organisation"})) == ["Two"]
    assert _titles(client.get(LIST, {"submitter_kind": "government"})) == ["One"]
    assert _titles(client.get(LIST, {"submitter_kind": "government", "theme": theme("diasporas").pk})) == []


def test_list_narrowed_to_a_session_from_its_page(client):
    from roundtables.tests.factories import SessionFactory

    session = SessionFactory()
    shown = published_practice(title_en="Presented")
    shown.sessions.set([session])
    published_practice(title_en="Elsewhere")

    response = client.get(LIST, {"session": session.pk})

    assert _titles(response) == ["Presented"]
    assert f"Presented in session {session.code}" in response.content.decode()


def test_list_pages_cost_the_same_and_keep_the_filters(client, monkeypatch):
    from followup.views import practices as views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    ghana = state("GH", Delegation.Region.AFRICA)

    def add(n):
        for _ in range(n):
            practice = published_practice(title_en="Diaspora practice", results_en="Results")
            practice.countries.set([ghana])
            practice.themes.set([theme("diasporas"), theme("remittances")])

    url = f"{LIST}?q=diaspora&region=africa"
    assert_pages_cost_the_same(client, url, add, per_page=2)
    assert page_link(client.get(url)) == {"q": ["diaspora"], "region": ["africa"], "page": ["2"]}


def test_list_costs_the_same_with_one_or_three_practices(client):
    ghana = state("GH", Delegation.Region.AFRICA)

    def add():
        practice = published_practice(title_en="Diaspora practice")
        practice.countries.set([ghana])
        practice.themes.set([theme("diasporas")])

    add()
    one = count_queries(client, LIST)
    add()
    add()
    three = count_queries(client, LIST)
    assert one == three


def test_review_queue_costs_the_same_with_one_or_three_practices(client, reviewer):
    client.force_login(reviewer)
    url = reverse("followup:practice_review_queue")
    PracticeFactory()
    one = count_queries(client, url)
    PracticeFactory()
    PracticeFactory()
    assert count_queries(client, url) == one


def test_my_practices_cost_the_same_with_one_or_three(client, submitter):
    client.force_login(submitter)
    url = reverse("followup:practices_mine")
    PracticeFactory(submitted_by=submitter)
    one = count_queries(client, url)
    PracticeFactory(submitted_by=submitter)
    PracticeFactory(submitted_by=submitter)
    assert count_queries(client, url) == one
