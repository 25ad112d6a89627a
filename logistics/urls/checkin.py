"""checkin: pages."""

urlpatterns: list = []
