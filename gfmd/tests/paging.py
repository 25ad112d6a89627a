"""Tests of a list that comes in pages: it costs the same queries with one page of rows as with
three, and its link to page 2 keeps the filters and the sort of the query string.

A test makes the page small (monkeypatch the view's per-page constant) so that three pages stay a
handful of rows."""

import re
from collections.abc import Callable
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

_HREF = re.compile(r'href="([^"]*)"')


def _get(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries), response.content.decode()


def assert_pages_cost_the_same(client, url: str, add_rows: Callable[[int], object], *, per_page: int) -> None:
    """`add_rows(n)` adds n more rows to the list at `url`; one page of them, then three pages,
    cost the same queries."""
    add_rows(per_page)
    one_page, content = _get(client, url)
    assert "Page 1 of" not in content  # a single page has no pager
    add_rows(2 * per_page)
    three_pages, content = _get(client, url)
    assert "Page 1 of 3" in content
    assert three_pages == one_page


def page_link(response, number: int = 2) -> dict[str, list[str]]:
    """The query of the page's one link to page `number` (parsed, the `page` key included)."""
    links = []
    for href in {unescape(h) for h in _HREF.findall(response.content.decode())}:
        query = parse_qs(urlsplit(href).query)
        if query.get("page") == [str(number)]:
            links.append(query)
    assert len(links) == 1, links
    return links[0]
