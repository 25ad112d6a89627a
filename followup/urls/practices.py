"""The practices' pages."""

from django.urls import path

from followup.views import practices

urlpatterns = [
    path("practices/", practices.practice_list, name="practice_list"),
    path("practices/<int:pk>/", practices.practice_detail, name="practice"),
]
