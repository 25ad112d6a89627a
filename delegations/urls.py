from django.urls import path

from delegations import views

app_name = "delegations"

urlpatterns = [
    path("<int:pk>/", views.delegation_detail, name="detail"),
    path("civil-society/", views.civil_society, name="civil_society"),
]
