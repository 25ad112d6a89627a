from django.urls import path

from communications import views
from gfmd.routing import edition_paths

app_name = "communications"

urlpatterns = [
    *edition_paths("", views.composed_list, "list"),
    *edition_paths("new/", views.composed_create, "create"),
    path("<int:pk>/", views.composed_review, name="review"),
    path("<int:pk>/edit/", views.composed_edit, name="edit"),
    path("<int:pk>/test/", views.composed_test, name="test"),
    path("<int:pk>/outbox/", views.composed_outbox, name="outbox"),
]
