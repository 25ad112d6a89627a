from django.urls import path

from papers import views

app_name = "papers"

# Mounted at the root (gfmd.urls) so that a meeting's library can sit under the meeting's own URL.

urlpatterns = [
    path("papers/", views.library, name="library"),
    # A meeting's papers under its number, beside its other public pages (/meetings/<number>/...).
    path("meetings/<int:number>/papers/", views.meeting_library, name="meeting_library"),
    path("papers/mine/", views.my_papers, name="mine"),
    path("papers/overview/", views.overview, name="overview"),
    path("papers/overview/deadline/", views.meeting_deadline, name="meeting_deadline"),
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
