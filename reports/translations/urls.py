from gfmd.routing import edition_paths
from reports.translations import views

# Mounted under /chair/ by gfmd.urls, beside the Chair's office's other pages of a meeting:
# /chair/translations/ and /chair/meetings/<number>/translations/.
app_name = "translations"

urlpatterns = [
    *edition_paths("translations/", views.meeting_translations, "meeting"),
]
