"""The public tracker's pages, and the Chair's office's page of what a session builds on (part "tracker")."""

from django.urls import path

from followup.views import tracker

urlpatterns = [
    path("tracker/", tracker.tracker, name="tracker"),
    path("tracker/export.csv", tracker.tracker_export, name="tracker_export"),
    path("tracker/<int:number>/", tracker.meeting_tracker, name="meeting_tracker"),
    path("tracker/<int:number>/export.csv", tracker.meeting_tracker_export, name="meeting_tracker_export"),
    path(
        "chair/meetings/<int:number>/sessions/<int:pk>/builds-on/",
        tracker.session_builds_on,
        name="session_builds_on",
    ),
    path(
        "chair/meetings/<int:number>/sessions/<int:pk>/builds-on/<int:recommendation>/remove/",
        tracker.session_builds_on_remove,
        name="session_builds_on_remove",
    ),
]
