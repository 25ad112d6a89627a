from django.http import HttpResponse


def minimal(request):
    """The yardstick: the cheapest page Django can serve with the portal's middleware and settings."""
    return HttpResponse("ok", content_type="text/plain")
