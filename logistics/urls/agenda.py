"""agenda: pages."""

urlpatterns: list = []
