"""The public tracker's pages."""

from django.urls import path

from followup.views import tracker

urlpatterns = [
    path("tracker/", tracker.tracker, name="tracker"),
]
