"""attendance: the Chair's office's live attendance page, its counts (htmx) and the XLSX list."""

from django.urls import path

from logistics.views import attendance

urlpatterns = [
    # The current meeting's (the header's menu) and any meeting's by number, under one name.
    path("chair/attendance/", attendance.attendance, name="attendance"),
    path("chair/meetings/<int:number>/attendance/", attendance.attendance, name="attendance"),
    path("chair/meetings/<int:number>/attendance/counts/", attendance.attendance_counts, name="attendance_counts"),
    path(
        "chair/meetings/<int:number>/attendance/attendance.xlsx", attendance.attendance_export, name="attendance_export"
    ),
]
