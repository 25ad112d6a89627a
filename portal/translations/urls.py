from django.urls import path

from gfmd.routing import edition_paths
from portal.translations import views

# Mounted under /translations/ by gfmd.urls.
app_name = "translator"

urlpatterns = [
    # /translations/ for the current meeting, /translations/meetings/<number>/ for another.
    *edition_paths("", views.queue, "queue"),
    path("papers/<int:pk>/<str:language>/", views.paper_translate, name="paper"),
    path("sessions/<int:pk>/<str:language>/", views.session_translate, name="session"),
    path("roundtables/<int:pk>/<str:language>/", views.roundtable_translate, name="roundtable"),
]
