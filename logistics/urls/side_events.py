"""side_events: pages."""

urlpatterns: list = []
