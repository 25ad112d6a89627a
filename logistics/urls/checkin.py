"""checkin: the door page, its scan endpoint and name suggestions (the current meeting's, and any meeting's
by number), and the Chair's office's page naming the meeting's check-in staff."""

from django.urls import path

from gfmd.routing import edition_paths
from logistics.views import checkin

urlpatterns = [
    *edition_paths("checkin/", checkin.checkin_door, "checkin_door"),
    *edition_paths("checkin/scan/", checkin.checkin_scan, "checkin_scan"),
    *edition_paths("checkin/names/", checkin.checkin_names, "checkin_names"),
    path("chair/checkin/staff/", checkin.checkin_staff, name="checkin_staff"),
    path("chair/meetings/<int:number>/checkin/staff/", checkin.checkin_staff, name="checkin_staff"),
    path(
        "chair/meetings/<int:number>/checkin/staff/<int:pk>/revoke/",
        checkin.checkin_staff_revoke,
        name="checkin_staff_revoke",
    ),
]
