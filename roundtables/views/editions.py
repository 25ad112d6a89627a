"""The meeting switcher's target: from the form of {% meeting_switcher %} to the numbered URL of the
same page, so that the page's URL names the meeting it shows (and works without JavaScript)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET


@require_GET
def meeting_switch(request):
    page = request.GET.get("page", "")
    number = request.GET.get("number", "")
    # Only a namespaced page that takes a meeting's number: reverse() builds a path of this site,
    # so the redirect can never leave it.
    if ":" not in page or not number.isdigit():
        raise Http404
    try:
        url = reverse(page, kwargs={"number": int(number)})
    except NoReverseMatch:
        raise Http404 from None
    return redirect(url)
