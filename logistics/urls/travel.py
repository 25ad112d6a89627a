"""travel: pages."""

urlpatterns: list = []
