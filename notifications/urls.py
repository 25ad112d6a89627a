from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "meetings/<int:number>/programme/<int:version>/",
        views.programme_digest,
        name="programme_digest",
    ),
]
