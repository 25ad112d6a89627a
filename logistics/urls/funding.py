"""funding: pages."""

urlpatterns: list = []
