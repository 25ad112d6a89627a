"""The recommendations' pages."""

from django.urls import path

from followup.views import recommendations

urlpatterns = [
    # The stable public page of a recommendation: /recommendations/GFMD-2010-1.1-R3/
    path("recommendations/<str:identifier>/", recommendations.recommendation_detail, name="recommendation"),
    # Marking an outcome's recommendations (its workspace lists them).
    path(
        "outcomes/<int:outcome_pk>/recommendations/",
        recommendations.recommendation_list,
        name="outcome_recommendations",
    ),
    path(
        "outcomes/<int:outcome_pk>/recommendations/add/",
        recommendations.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "outcomes/<int:outcome_pk>/recommendations/<int:pk>/edit/",
        recommendations.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "outcomes/<int:outcome_pk>/recommendations/<int:pk>/remove/",
        recommendations.recommendation_remove,
        name="recommendation_remove",
    ),
]
