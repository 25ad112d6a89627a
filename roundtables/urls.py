from django.urls import path

from roundtables import views

app_name = "roundtables"

urlpatterns = [
    path("", views.home, name="home"),
    path("chair/", views.chair_dashboard, name="chair_dashboard"),
]
