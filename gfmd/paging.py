"""The query string a list's pager keeps, so filters and sorting survive paging."""

from django.http import HttpRequest


def query_without(request: HttpRequest, *keys: str) -> str:
    """The request's query string, urlencoded, without `keys` (by default "page"): what
    templates/partials/pagination.html puts before its own page parameter."""
    query = request.GET.copy()
    for key in keys or ("page",):
        query.pop(key, None)
    return query.urlencode()
