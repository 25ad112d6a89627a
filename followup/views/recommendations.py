"""The recommendations' pages (part "recommendations")."""

from django.http import Http404


def recommendation_detail(request, identifier: str):
    raise Http404  # the part "recommendations" builds this page
