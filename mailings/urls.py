from django.urls import path

from gfmd.routing import edition_paths
from mailings import text_views, views

app_name = "mailings"

urlpatterns = [
    *edition_paths("", views.mailing_list, "list"),
    path("<int:pk>/", views.mailing_detail, name="detail"),
    path("<int:pk>/progress/", views.mailing_progress_fragment, name="progress"),
    path("<int:pk>/preview/<int:mail_pk>/", views.mailing_preview, name="preview"),
    path("<int:pk>/send/", views.mailing_send, name="send"),
    path("<int:pk>/discard/", views.mailing_discard, name="discard"),
    path("<int:pk>/retry-failed/", views.mailing_retry, name="retry_failed"),
    # The texts of the mails the portal sends by itself (mailings.texts).
    path("texts/", text_views.mail_text_list, name="texts"),
    path("texts/<str:key>/<str:language>/", text_views.mail_text_edit, name="text_edit"),
    path("texts/<str:key>/<str:language>/reset/", text_views.mail_text_reset, name="text_reset"),
]
