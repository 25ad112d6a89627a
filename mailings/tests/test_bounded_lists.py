"""The mailings list and a mailing's recipients come in pages: one page and three cost the same queries,
and the recipients' page links keep the state filter and the search."""

import pytest
from django.urls import reverse

from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from gfmd.tests.queries import count_queries
from mailings import views
from mailings.tests.factories import make_mailing

pytestmark = pytest.mark.django_db


def test_mailing_list_pages_cost_the_same(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(views, "MAILINGS_PER_PAGE", 2)
    client.force_login(chair)

    def add_mailings(n):
        for _ in range(n):
            make_mailing(2, created_by=chair, meeting=meeting)

    assert_pages_cost_the_same(client, reverse("mailings:list"), add_mailings, per_page=2)


def test_mailing_recipients_pages_cost_the_same(client, chair, monkeypatch):
    """A mailing's outbox: one page of mails, then another mailing's three pages."""
    monkeypatch.setattr(views, "MAILS_PER_PAGE", 2)
    client.force_login(chair)
    one_page, _ = make_mailing(2)
    three_pages, _ = make_mailing(6)
    one = count_queries(client, reverse("mailings:detail", args=[one_page.pk]))
    response = client.get(reverse("mailings:detail", args=[three_pages.pk]))
    assert response.context["page"].paginator.num_pages == 3
    assert count_queries(client, reverse("mailings:detail", args=[three_pages.pk])) == one


def test_mailing_recipients_page_link_keeps_the_filter_and_the_search(client, chair, monkeypatch):
    monkeypatch.setattr(views, "MAILS_PER_PAGE", 2)
    mailing, rows = make_mailing(6)
    client.force_login(chair)
    response = client.get(
        reverse("mailings:detail", args=[mailing.pk]), {"state": "pending", "q": "example.org", "preview": rows[0].pk}
    )
    assert [mail.to for mail in response.context["page"]] == ["person0@example.org", "person1@example.org"]
    assert page_link(response) == {"state": ["pending"], "q": ["example.org"], "page": ["2"]}
