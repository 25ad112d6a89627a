"""funding: pages. The Chair's office's calls and decisions under chair/meetings/<number>/funding/, and a
focal point's nominations under logistics/meetings/<number>/funding/."""

from django.urls import include, path

from gfmd.routing import edition_paths
from logistics.views import funding as views

CALL = "chair/meetings/<int:number>/funding/<int:pk>/"

urlpatterns = [
    path("chair/", include(edition_paths("funding/", views.call_list, "funding_calls"))),
    path("chair/meetings/<int:number>/funding/new/", views.call_create, name="funding_call_create"),
    path(CALL, views.call_detail, name="funding_call"),
    path(f"{CALL}edit/", views.call_edit, name="funding_call_edit"),
    path(f"{CALL}open/", views.call_open, name="funding_call_open"),
    path(f"{CALL}close/", views.call_close, name="funding_call_close"),
    path(f"{CALL}funded.xlsx", views.call_export, name="funding_call_export"),
    path(f"{CALL}nominations/<int:nomination>/decide/", views.decide, name="funding_decide"),
    path("logistics/", include(edition_paths("funding/", views.nominations, "funding_nominations"))),
    path("logistics/meetings/<int:number>/funding/<int:pk>/nominate/", views.nominate, name="funding_nominate"),
]
