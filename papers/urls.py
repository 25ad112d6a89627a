from django.urls import path

from papers import views

app_name = "papers"

urlpatterns = [
    path("", views.library, name="library"),
    path("mine/", views.my_papers, name="mine"),
    path("overview/", views.overview, name="overview"),
    path("overview/deadline/", views.meeting_deadline, name="meeting_deadline"),
    path("overview/sessions/<int:session_id>/deadline/", views.session_deadline, name="session_deadline"),
    path("sessions/<int:session_id>/", views.workspace, name="workspace"),
    path("sessions/<int:session_id>/new/", views.paper_create, name="create"),
    path("<int:pk>/", views.paper_detail, name="detail"),
    path("<int:pk>/edit/", views.paper_edit, name="edit"),
    path("<int:pk>/versions/new/", views.version_upload, name="version_upload"),
    path("<int:pk>/translations/new/", views.translation_upload, name="translation_upload"),
    path("<int:pk>/transition/", views.paper_transition, name="transition"),
    path("<int:pk>/publish/", views.paper_publish_confirm, name="publish_confirm"),
    path("versions/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("versions/<int:pk>/download/", views.version_download, name="version_download"),
    path("translations/<int:pk>/download/", views.translation_download, name="translation_download"),
]
