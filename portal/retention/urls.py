from gfmd.routing import edition_paths
from portal.retention import views

# Mounted under /chair/ by gfmd.urls, beside the Chair's office's other pages of a meeting.
app_name = "retention"

urlpatterns = [
    *edition_paths("retention/", views.meeting_retention, "meeting"),
]
