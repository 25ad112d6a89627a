"""visa: pages. The person's page of the current meeting (/visa/) and of any (/meetings/<n>/visa/); the
Chair's office's under chair/ like followup's; the public verification a letter's QR code opens."""

from django.urls import path

from gfmd.routing import edition_paths
from logistics.views import visa

urlpatterns = [
    *edition_paths("visa/", visa.my_letter, "visa_mine"),
    path("chair/visa/", visa.chair_list, name="visa_chair"),  # the current meeting's (the Chair's office menu)
    path("chair/meetings/<int:number>/visa/", visa.chair_list, name="visa_chair"),
    path("chair/meetings/<int:number>/visa/template/", visa.chair_template, name="visa_template"),
    path("chair/meetings/<int:number>/visa/issue-all/", visa.chair_issue_all, name="visa_issue_all"),
    path("chair/meetings/<int:number>/visa/runs/<int:pk>/", visa.chair_run, name="visa_run"),
    path("chair/meetings/<int:number>/visa/<int:pk>/", visa.chair_letter, name="visa_letter"),
    path("verify/visa/<str:token>/", visa.verify, name="visa_verify"),
]
