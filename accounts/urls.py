from django.urls import path

from accounts import views

# Mounted under /me/ by portal.urls, which adds "dashboard" and "welcome" (they read every app) to
# this same namespace.
app_name = "accounts"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("profile/", views.profile, name="profile"),
]
