"""side_events: pages. The proposer's under logistics/ (the current meeting's, and any meeting's by
number), the Chair's office's under chair/meetings/<number>/side-events/."""

from django.urls import path

from logistics.views import side_events as views


def _edition(route: str, view, name: str) -> list:
    return [
        path(f"logistics/{route}", view, name=name),
        path(f"logistics/meetings/<int:number>/{route}", view, name=name),
    ]


urlpatterns = [
    *_edition("side-events/", views.side_events_mine, "side_events_mine"),
    *_edition("side-events/propose/", views.side_events_propose, "side_events_propose"),
    path(
        "logistics/meetings/<int:number>/side-events/<int:pk>/withdraw/",
        views.side_events_withdraw,
        name="side_events_withdraw",
    ),
    path(
        "logistics/meetings/<int:number>/side-events/<int:pk>/register/",
        views.side_events_register,
        name="side_events_register",
    ),
    path(
        "logistics/meetings/<int:number>/side-events/<int:pk>/cancel/",
        views.side_events_cancel,
        name="side_events_cancel",
    ),
    path("chair/side-events/", views.side_events_review, name="side_events_review"),
    path("chair/meetings/<int:number>/side-events/", views.side_events_review, name="side_events_review"),
    path("chair/meetings/<int:number>/side-events/<int:pk>/", views.side_events_decide, name="side_events_decide"),
]
