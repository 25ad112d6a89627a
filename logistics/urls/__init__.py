"""The logistics app's pages, one module per part (all under the "logistics" namespace)."""

from django.urls import include, path

app_name = "logistics"

urlpatterns = [
    path("", include("logistics.urls.visa")),
    path("", include("logistics.urls.funding")),
    path("", include("logistics.urls.travel")),
    path("", include("logistics.urls.side_events")),
    path("", include("logistics.urls.agenda")),
    path("", include("logistics.urls.checkin")),
    path("", include("logistics.urls.attendance")),
]
