"""The personal pages under /me/. The URL names stay in the "accounts" namespace they always had
("accounts:dashboard", "accounts:welcome"): portal serves accounts' own pages (accounts.urls) and adds
the two that read every app, so accounts never imports upward to route them."""

from django.urls import path

from accounts.urls import urlpatterns as accounts_urlpatterns
from portal import views

app_name = "accounts"

urlpatterns = [
    *accounts_urlpatterns,
    path("dashboard/", views.dashboard, name="dashboard"),
    path("welcome/", views.welcome, name="welcome"),
]
