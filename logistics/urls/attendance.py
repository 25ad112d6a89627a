"""attendance: pages."""

urlpatterns: list = []
