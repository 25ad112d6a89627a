"""agenda: pages. The agenda of the current meeting and of any meeting by number, its new address, and
the secret feed (no meeting in its address: the token names the person and the meeting)."""

from django.urls import path

from logistics.views import agenda as views

urlpatterns = [
    path("logistics/agenda/", views.agenda, name="agenda"),
    path("logistics/meetings/<int:number>/agenda/", views.agenda, name="agenda"),
    path("logistics/meetings/<int:number>/agenda/new-address/", views.agenda_renew, name="agenda_renew"),
    path("logistics/agenda/feed/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
]
