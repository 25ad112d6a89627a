"""The followup app's pages, one module per part (all under the "followup" namespace)."""

from django.urls import include, path

app_name = "followup"

urlpatterns = [
    path("", include("followup.urls.recommendations")),
    path("", include("followup.urls.reports")),
    path("", include("followup.urls.practices")),
    path("", include("followup.urls.tracker")),
]
