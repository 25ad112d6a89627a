"""URL patterns shared by every app that works on one meeting's data."""

from django.urls import path


def edition_paths(route: str, view, name: str) -> list:
    """A page of the current meeting (<route>) and of any meeting by its number
    (meetings/<number>/<route>), under one name: {% url name %} or {% url name number=5 %}.

    Both are relative to the app's own prefix, so the Chair's office's structure page is
    /chair/structure/ and /chair/meetings/5/structure/, the registrations /delegations/registrations/
    and /delegations/meetings/5/registrations/. The view takes `number=None` and resolves the meeting
    with roundtables.editions.meeting_or_404."""
    return [
        path(route, view, name=name),
        path(f"meetings/<int:number>/{route}", view, name=name),
    ]
