"""The people search in pages: the same queries for one page of people as for three, and the search
kept by the link to page 2 (gfmd.tests.paging). The pages are made two people long."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from portal.people import selectors

pytestmark = pytest.mark.django_db


def test_people_search_pages_cost_the_same_and_keep_the_search(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    client.force_login(chair)
    url = reverse("people:search") + "?q=labour"
    assert_pages_cost_the_same(
        client, url, lambda n: UserFactory.create_batch(n, organisation="Ministry of Labour"), per_page=2
    )
    assert page_link(client.get(url)) == {"q": ["labour"], "page": ["2"]}
