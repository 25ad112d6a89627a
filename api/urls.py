"""The API's URLs, mounted at /api/ (gfmd.urls)."""

app_name = "api"

urlpatterns: list = []
