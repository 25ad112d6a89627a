"""The reports pages."""

urlpatterns = []
