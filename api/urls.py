"""The API's URLs, mounted at /api/ (gfmd.urls): version 1 under /api/v1/, its OpenAPI schema and docs."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import docs, views

app_name = "api"

urlpatterns = [
    path("v1/", docs.index, name="index"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", docs.documentation, name="docs"),
    path("v1/meetings/", views.MeetingList.as_view(), name="meetings"),
    path("v1/meetings/<int:number>/", views.MeetingDetail.as_view(), name="meeting"),
    path("v1/meetings/<int:number>/programme/", views.ProgrammeDetail.as_view(), name="programme"),
    path("v1/meetings/<int:number>/roundtables/", views.RoundtableList.as_view(), name="roundtables"),
    path("v1/meetings/<int:number>/sessions/", views.SessionList.as_view(), name="sessions"),
    path("v1/meetings/<int:number>/sessions/<int:pk>/", views.SessionDetail.as_view(), name="session"),
    path("v1/meetings/<int:number>/participants/", views.ParticipantList.as_view(), name="participants"),
    path("v1/papers/", views.PaperList.as_view(), name="papers"),
    path("v1/papers/<int:pk>/", views.PaperDetail.as_view(), name="paper"),
    path("v1/outcomes/", views.OutcomeList.as_view(), name="outcomes"),
    path("v1/recommendations/", views.RecommendationList.as_view(), name="recommendations"),
    path("v1/practices/", views.PracticeList.as_view(), name="practices"),
    # The Chair's office's exports, with a token of the meeting (Authorization: Bearer gfmd_...).
    path(
        "v1/meetings/<int:number>/exports/registrations.csv",
        views.RegistrationExport.as_view(),
        name="export_registrations",
    ),
    path("v1/meetings/<int:number>/exports/surveys/", views.SurveyExportList.as_view(), name="export_surveys"),
    path("v1/meetings/<int:number>/exports/surveys/<int:pk>.csv", views.SurveyExport.as_view(), name="export_survey"),
]
