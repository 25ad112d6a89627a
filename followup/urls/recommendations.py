"""The recommendations' pages."""

from django.urls import path

from followup.views import recommendations

urlpatterns = [
    # The stable public page of a recommendation: /recommendations/GFMD-2010-1.1-R3/
    path("recommendations/<str:identifier>/", recommendations.recommendation_detail, name="recommendation"),
]
