"""The practices' pages: the public repository (list, export, a practice's page, its documents), the
submitter's pages and the Chair's office's review."""

from django.urls import path

from followup.views import practices

urlpatterns = [
    path("practices/", practices.practice_list, name="practice_list"),
    path("practices/export.<str:file_format>", practices.practice_export, name="practice_export"),
    path("practices/<int:pk>/", practices.practice_detail, name="practice"),
    path("practices/documents/<int:pk>/", practices.document_download, name="practice_document"),
    path("practices/submit/", practices.practice_submit, name="practice_submit"),
    path("practices/mine/", practices.practices_mine, name="practices_mine"),
    path("practices/<int:pk>/edit/", practices.practice_edit, name="practice_edit"),
    path("practices/<int:pk>/withdraw/", practices.practice_withdraw, name="practice_withdraw"),
    path("practices/review/", practices.review_queue, name="practice_review_queue"),
    path("practices/<int:pk>/review/", practices.practice_review, name="practice_review"),
    path("practices/<int:pk>/review/decide/", practices.practice_decide, name="practice_decide"),
]
