"""The personal pages under /me/. The URL names stay in the "accounts" namespace they always had
("accounts:dashboard", "accounts:welcome"): portal serves accounts' own pages (accounts.urls) and adds
the two that read every app, so accounts never imports upward to route them."""

from accounts.urls import urlpatterns as accounts_urlpatterns
from gfmd.routing import edition_paths
from portal import views

app_name = "accounts"

urlpatterns = [
    *accounts_urlpatterns,
    # /me/dashboard/ for the current meeting, /me/meetings/<number>/dashboard/ for another.
    *edition_paths("dashboard/", views.dashboard, "dashboard"),
    *edition_paths("welcome/", views.welcome, "welcome"),
]
