"""visa: pages."""

urlpatterns: list = []
