from django.urls import path

from gfmd.routing import edition_paths
from outcomes import views

app_name = "outcomes"

urlpatterns = [
    *edition_paths("", views.outcome_list, "list"),
    path("session/<int:session_pk>/", views.workspace, name="workspace"),
    path("session/<int:session_pk>/start/", views.outcome_start, name="start"),
    path("<int:pk>/original-language/", views.original_language_set, name="original_language"),
    path("<int:pk>/sections/<slug:kind>/save/", views.section_save, name="section_save"),
    path("<int:pk>/sections/<slug:kind>/history/", views.section_history, name="section_history"),
    path(
        "<int:pk>/sections/<slug:kind>/versions/<int:number>/restore/",
        views.revision_restore,
        name="revision_restore",
    ),
    path("<int:pk>/sections/<slug:kind>/comments/", views.comment_add, name="comment_add"),
    path("<int:pk>/heads/", views.heads, name="heads"),
    path("<int:pk>/submit/", views.outcome_submit, name="submit"),
    path("<int:pk>/return/", views.outcome_return, name="return"),
    path("<int:pk>/approve/", views.outcome_approve, name="approve"),
    path("<int:pk>/publish/", views.outcome_publish, name="publish"),
    path("<int:pk>/translate/<str:language>/", views.translate, name="translate"),
    path("<int:pk>/translate/<str:language>/publish/", views.translation_publish, name="translation_publish"),
    # A translation section's save, history and restore: the same views as the original's, with its language.
    path(
        "<int:pk>/translate/<str:language>/sections/<slug:kind>/save/",
        views.section_save,
        name="translation_save",
    ),
    path(
        "<int:pk>/translate/<str:language>/sections/<slug:kind>/history/",
        views.section_history,
        name="translation_history",
    ),
    path(
        "<int:pk>/translate/<str:language>/sections/<slug:kind>/versions/<int:number>/restore/",
        views.revision_restore,
        name="translation_restore",
    ),
    path("<int:pk>/present/", views.present, name="present"),
    path("<int:pk>/print/", views.print_layout, name="print"),
]
