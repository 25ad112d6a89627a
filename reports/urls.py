from django.urls import path

from gfmd.routing import edition_paths
from reports import views

app_name = "reports"

urlpatterns = [
    *edition_paths("", views.reports_index, "index"),
    path("request/", views.report_request, name="request"),
    path("files/<int:pk>/", views.file_detail, name="file_detail"),
    path("files/<int:pk>/status/", views.file_status, name="file_status"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
    path("files/<int:pk>/retry/", views.file_retry, name="file_retry"),
    path("badges/verify/<str:token>/", views.badge_verify, name="badge_verify"),
    # Public: the report of the proceedings of a meeting in the archive.
    path("meetings/<int:number>/proceedings/", views.public_proceedings, name="public_proceedings"),
    # Public: a session's document pack (its published papers and programme entry, a zip).
    path("sessions/<int:pk>/pack/", views.session_pack, name="session_pack"),
    path("sessions/<int:pk>/pack/<int:file_pk>/status/", views.session_pack_status, name="session_pack_status"),
    path("sessions/<int:pk>/pack/<int:file_pk>/download/", views.session_pack_download, name="session_pack_download"),
]
