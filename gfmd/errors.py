"""The page for an uncaught exception (handler500): a database that cannot be reached for a moment gets a
503 that says so and asks the reader to try again, anything else the 500 page. Both are rendered without
the request or the database, in the portal's own colours."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

# How long a reader (or a proxy) should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 5


def server_error(request):
    exception = sys.exc_info()[1]
    if isinstance(exception, (OperationalError, InterfaceError)):
        # The connection is dropped by Django at the end of the request (CONN_HEALTH_CHECKS checks the next
        # one before use), so the portal recovers by itself once the database is back.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(render_to_string("500.html"))
