"""The public tracker (part "tracker")."""

from django.http import Http404


def tracker(request):
    raise Http404  # the part "tracker" builds this page
