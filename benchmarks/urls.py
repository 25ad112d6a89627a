from django.urls import path

from benchmarks import views

app_name = "benchmarks"

urlpatterns = [path("minimal/", views.minimal, name="minimal")]
