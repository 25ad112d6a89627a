"""The reports pages: a recommendation's follow-up reports and their documents (public), the focal
points' report form, and the Chair's office's review of the recommendations of earlier meetings."""

from django.urls import path

from followup.views import reports

urlpatterns = [
    path("recommendations/<str:identifier>/report/", reports.report_file, name="report_file"),
    path("recommendations/<str:identifier>/reports/", reports.report_list, name="report_list"),
    path("followup/attachments/<int:pk>/", reports.attachment_download, name="report_attachment"),
    path("chair/followup/", reports.review, name="review"),  # the current meeting's (the Chair's office menu)
    path("chair/meetings/<int:number>/followup/", reports.review, name="review"),
    path("chair/meetings/<int:number>/followup/<int:pk>/status/", reports.status_change, name="status_change"),
    path("chair/meetings/<int:number>/followup/survey/", reports.survey_create, name="survey_create"),
]
