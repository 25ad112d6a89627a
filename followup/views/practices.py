"""The practices' pages (part "practices")."""

from django.http import Http404


def practice_list(request):
    raise Http404  # the part "practices" builds this page


def practice_detail(request, pk: int):
    raise Http404  # the part "practices" builds this page
