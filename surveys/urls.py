from django.urls import path

from gfmd.routing import edition_paths
from surveys.views import chair, invite, respond, results

app_name = "surveys"

urlpatterns = [
    *edition_paths("", chair.survey_list, "list"),
    *edition_paths("new/", chair.survey_create, "new"),
    path("<int:pk>/", chair.survey_detail, name="detail"),
    path("<int:pk>/edit/", chair.survey_edit, name="edit"),
    path("<int:pk>/preview/", chair.survey_preview, name="preview"),
    path("<int:pk>/sections/new/", chair.section_edit, name="section_new"),
    path("<int:pk>/sections/<int:section_pk>/edit/", chair.section_edit, name="section_edit"),
    path("<int:pk>/sections/<int:section_pk>/delete/", chair.section_delete, name="section_delete"),
    path("<int:pk>/questions/new/", chair.question_edit, name="question_new"),
    path("<int:pk>/questions/<int:question_pk>/edit/", chair.question_edit, name="question_edit"),
    path("<int:pk>/questions/<int:question_pk>/delete/", chair.question_delete, name="question_delete"),
    path("<int:pk>/questions/<int:question_pk>/move/", chair.question_move, name="question_move"),
    path("<int:pk>/invite/", invite.survey_invite, name="invite"),
    path("<int:pk>/invitations/", invite.invitation_list, name="invitations"),
    path("<int:pk>/reminders/", invite.reminders, name="reminders"),
    path("<int:pk>/reminders/<int:reminder_pk>/cancel/", invite.reminder_cancel, name="reminder_cancel"),
    path("<int:pk>/results/", results.results, name="results"),
    path("<int:pk>/results.csv", results.export_csv, name="export_csv"),
    path("<int:pk>/results.xlsx", results.export_xlsx, name="export_xlsx"),
    # The recipient's personal link: the token is the only key.
    path("r/<str:token>/", respond.respond, name="respond"),
]
