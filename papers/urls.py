from django.urls import path

from gfmd.routing import edition_paths
from papers import views

app_name = "papers"

# Mounted at the root (gfmd.urls) so that a meeting's library can sit under the meeting's own URL.


def papers_paths(route: str, view, name: str) -> list:
    """A page of the current meeting (papers/<route>) and of any meeting by its number
    (papers/meetings/<number>/<route>)."""
    return [path(f"papers/{p.pattern}", p.callback, name=p.name) for p in edition_paths(route, view, name)]


urlpatterns = [
    path("papers/", views.library, name="library"),
    # A meeting's papers under its number, beside its other public pages (/meetings/<number>/...).
    path("meetings/<int:number>/papers/", views.meeting_library, name="meeting_library"),
    *papers_paths("mine/", views.my_papers, "mine"),
    *papers_paths("overview/", views.overview, "overview"),
    *papers_paths("overview/deadline/", views.meeting_deadline, "meeting_deadline"),
    path("papers/overview/sessions/<int:session_id>/deadline/", views.session_deadline, name="session_deadline"),
    path("papers/sessions/<int:session_id>/", views.workspace, name="workspace"),
    path("papers/sessions/<int:session_id>/new/", views.paper_create, name="create"),
    path("papers/<int:pk>/", views.paper_detail, name="detail"),
    path("papers/<int:pk>/edit/", views.paper_edit, name="edit"),
    path("papers/<int:pk>/versions/new/", views.version_upload, name="version_upload"),
    path("papers/<int:pk>/translations/new/", views.translation_upload, name="translation_upload"),
    path("papers/<int:pk>/transition/", views.paper_transition, name="transition"),
    path("papers/<int:pk>/publish/", views.paper_publish_confirm, name="publish_confirm"),
    path("papers/versions/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("papers/versions/<int:pk>/download/", views.version_download, name="version_download"),
    path("papers/translations/<int:pk>/download/", views.translation_download, name="translation_download"),
]
